## Handing the phone to the mother

handover-title = Berikan HP kepada Ibu
handover-text = Sekarang giliran Ibu menjawab. Ibu yang mengisi, bukan Bapak.
handover-ready = Saya Ibu, lanjut

## The mother's rating

rating-title = Bu, bagaimana rasanya?
rating-comfort = Seberapa nyaman pijatnya?
comfort-1 = Sangat tidak nyaman
comfort-2 = Tidak nyaman
comfort-3 = Biasa saja
comfort-4 = Nyaman
comfort-5 = Sangat nyaman
rating-milk = Apakah ASI keluar setelah dipijat?
milk-flow-none = Tidak keluar
milk-flow-drips = Menetes
milk-flow-sprays = Memancar
rating-pain-before = Nyeri punggung sebelum pijat (0 = tidak nyeri, 10 = sangat nyeri)
rating-pain-after = Nyeri punggung sesudah pijat
rating-pain-unanswered = Tidak diisi
rating-note = Catatan Ibu (boleh dikosongkan)
rating-save = Simpan jawaban Ibu
rating-skip = Lewati
rating-thanks = Terima kasih, Bu! Jawaban Ibu sudah disimpan.
rating-skipped = Tidak apa-apa. Penilaian dicatat sebagai tidak diisi.
rating-correct = Ubah jawaban Ibu
rating-rate-now = Isi penilaian Ibu

## Milk production status

milk-status-title = Produksi ASI
milk-status-due = Sudah waktunya mencatat produksi ASI minggu ini.
milk-status-record = Catat produksi ASI
milk-status-intro = Diisi oleh Ibu. Centang yang Ibu alami minggu ini, lalu pilih keadaan ASI.
milk-indicator-breasts-full-then-soft = Payudara terasa penuh sebelum menyusui dan lebih lembek sesudahnya
milk-indicator-milk-drips = ASI menetes
milk-indicator-feeds-8-12 = Bayi menyusu paling sedikit 8 kali sehari (8–12 kali)
milk-indicator-sleeps-2-3-hours = Bayi tidur 2–3 jam setelah menyusu
milk-indicator-wet-nappies-6 = Popok bayi basah 6 kali atau lebih sehari (mulai sekitar hari ke-5)
milk-indicator-satisfied-wakes = Bayi tampak puas setelah menyusu dan bangun sendiri untuk menyusu lagi
milk-indicator-yellow-stools-3 = Bayi BAB kekuningan paling sedikit 3 kali sehari (hari ke-4 sampai sekitar 6 minggu)
milk-indicator-weight-gain = Berat badan bayi naik saat ditimbang
milk-status-question = Bagaimana keadaan ASI Ibu?
milk-status-lancar = Lancar
milk-status-tidak-lancar = Tidak lancar
milk-status-tidak-ada = Tidak ada
milk-status-save = Simpan
milk-status-last = Produksi ASI terakhir dicatat { $date }: { $status }
referral-title = Tanda harus ke bidan
referral-no-milk = Sampai hari ke-3 setelah melahirkan ASI belum bertambah banyak (payudara belum terasa lebih penuh): hubungi bidan hari ini.
referral-breast = Payudara merah, panas, dan nyeri, atau ada benjolan: hubungi bidan hari ini dan tetap susui bayi dari kedua payudara. Jika disertai demam: bawa Ibu ke bidan atau puskesmas sekarang.
referral-baby = Bayi tidak mau menyusu, lemas atau sulit dibangunkan, kejang, napas cepat atau sesak (dada bawah tertarik ke dalam), merintih, badan panas atau teraba dingin, tali pusat merah, bernanah, atau berbau, mata bernanah, kulit dan mata kuning (pada hari pertama, sampai ke telapak tangan dan kaki, atau lebih dari 2 minggu), BAB pucat seperti dempul, atau muntah terus atau mencret: bawa bayi ke bidan atau puskesmas sekarang.
referral-nappies = Popok basah lebih sedikit dari seharusnya untuk umur bayi (mulai sekitar hari ke-5: kurang dari 6 sehari).
referral-mother = Ibu demam, perdarahan banyak, pingsan atau pusing berat, sakit kepala hebat, pandangan kabur, kejang, bengkak di wajah dan tangan, sesak napas atau nyeri dada, perut bagian bawah sangat nyeri, cairan nifas berbau busuk, betis nyeri dan bengkak, atau luka jahitan merah, bengkak, atau bernanah: bawa Ibu ke bidan atau puskesmas sekarang.
referral-mother-mood = Ibu terus sedih, murung, atau menangis tanpa sebab lebih dari 2 minggu: ajak Ibu ke bidan. Jika Ibu berbicara tentang menyakiti dirinya atau bayinya: jangan tinggalkan Ibu sendirian dan bawa Ibu ke bidan atau puskesmas sekarang. Jika Ibu tampak bingung, bicara atau berperilaku aneh, melihat atau mendengar hal yang tidak ada, atau berhari-hari tidak tidur sama sekali: bawa Ibu ke bidan atau puskesmas sekarang, walaupun belum 2 minggu.
milk-none-advice = ASI tercatat "tidak ada". Hubungi bidan hari ini. Bidan akan memeriksa Ibu dan bayi dan membantu agar bayi tetap cukup minum. Sementara itu, tetap susui bayi sesering mungkin, siang dan malam, dan jangan beri susu formula tanpa saran bidan. Jika bayi lemas, sulit dibangunkan, tidak mau menyusu, atau popoknya jarang basah, bawa bayi ke bidan atau puskesmas sekarang.

## History

history-title = Riwayat pijat
history-open = Lihat riwayat
history-chart-label = Sesi pijat 14 hari terakhir. Target 2 sesi sehari.
history-feedback-start = Belum ada pijat minggu ini. Yuk mulai hari ini, Pak!
history-feedback-keep-going = { $finished } dari { $planned } sesi minggu ini. Terus semangat, Pak!
history-feedback-great = Hebat, Pak! { $finished } dari { $planned } sesi minggu ini.
history-last-comfort = Ibu memberi nilai { $comfort } dari 5 untuk sesi terakhir yang dinilai.
history-empty = Belum ada sesi.
history-outcome-finished = Selesai
history-outcome-stopped = Dihentikan
history-outcome-not-started = Tidak dimulai
history-not-rated = Belum dinilai Ibu
history-rating-skipped = Ibu tidak mengisi
history-comfort = Nyaman { $comfort }/5
history-legend-finished = selesai
history-legend-stopped = dihentikan
history-legend-missed = terlewat

## Reminders

reminders-title = Pengingat
reminders-enabled = Ingatkan saya 2 kali sehari
reminders-morning = Pagi
reminders-evening = Sore atau malam
reminders-save = Simpan pengingat
reminders-saved = Pengingat tersimpan.
reminders-next = Pengingat berikutnya: { $time }
reminders-off = Pengingat dimatikan.
reminders-test = Coba pengingat sekarang
reminder-title = Ayah ASI
reminder-morning = Waktunya pijat oksitosin pagi untuk Ibu.
reminder-evening = Waktunya pijat oksitosin sore untuk Ibu.

history-visits-title = Kunjungan kader
history-visit-line = { $cadre } menilai pijatan: { $percent }%
history-visit-all-done = Semua langkah sudah dilakukan dengan baik.
history-visit-practise = Perlu dilatih lagi: { $rows }

## Kemarin bayi diberi apa (ASI eksklusif; diisi oleh Ibu, atau kader saat kunjungan)

feeding-due = Sudah waktunya menjawab: kemarin bayi diberi apa saja?
feeding-record = Kemarin bayi diberi apa?
feeding-last-exclusive = Terakhir dijawab { $date }: hanya ASI.
feeding-last-other = Terakhir dijawab { $date }: ada selain ASI.
feeding-title = Kemarin bayi diberi apa saja?
feeding-intro = Pilih semua yang diberikan kepada bayi kemarin, siang maupun malam. Obat, vitamin, atau oralit dari petugas kesehatan juga dipilih; jamu bukan obat.
food-breast-milk = ASI (menyusu, ASI perah, atau ASI donor)
food-water = Air putih, air tajin, atau air kelapa
food-formula = Susu formula
food-other-milk = Susu sapi atau susu kambing
food-sweet-drink = Air gula, kental manis (SKM), teh, kopi, jus, atau jamu
food-food = Bubur, nasi lumat, pisang dikerok, biskuit, atau makanan lain
food-honey = Madu (tidak boleh sebelum 1 tahun)
food-medicine = Obat, vitamin, atau oralit dari petugas kesehatan
feeding-ever-other-question = Sejak lahir, termasuk hari-hari pertama di rumah sakit atau di rumah, apakah bayi pernah diberi selain ASI (misalnya susu formula, air putih, air gula, air tajin, kopi, atau pisang)?
feeding-ever-other-no = Belum pernah, hanya ASI
feeding-ever-other-yes = Pernah
feeding-first-other-hint = Jika pernah: kapan pertama kali? Boleh dikosongkan jika lupa.
feeding-save = Simpan
feeding-saved-title = Terima kasih, jawaban tersimpan
feeding-praise = Hanya ASI: itu yang terbaik untuk bayi sampai umur 6 bulan. Teruskan.
feeding-advice-only-breast-milk = Sampai umur 6 bulan, bayi cukup diberi ASI saja, tanpa air putih, susu lain, atau makanan. ASI sudah mencukupi makan dan minum bayi. Makin sering bayi menyusu, makin banyak ASI keluar.
feeding-advice-honey = Madu tidak boleh diberikan kepada bayi di bawah 1 tahun. Jangan beri lagi. Jika bayi sulit buang air besar, menyusu lemah, tangisnya lemah, atau lemas, bawa bayi ke puskesmas sekarang.
feeding-advice-cadre = Kader posyandu akan mampir untuk membantu Ibu menyusui. Jika ASI terasa kurang atau bayi sulit menyusu, hubungi bidan.
feeding-advice-ask = Jika ASI terasa kurang atau bayi sulit menyusu, tanyakan kepada kader atau bidan.
feeding-advice-no-breast-milk = Kemarin bayi tidak mendapat ASI. Hubungi bidan hari ini: bidan bisa membantu Ibu menyusui kembali dan memastikan bayi cukup minum.
feeding-advice-formula = Jika susu formula diberikan atas saran dokter atau bidan, teruskan sesuai saran itu, dan tanyakan cara agar bayi tetap mendapat ASI sebanyak mungkin.
feeding-advice-signs = ASI cukup jika bayi buang air kecil 6 kali atau lebih sehari dan berat badannya naik setiap bulan. Jika bayi tidak mau menyusu, lemas, popok jarang basah, atau mencret atau muntah terus, bawa bayi ke bidan atau puskesmas sekarang.
