## Home: the massage

home-start-massage = Mulai pijat oksitosin
home-plan = { $passes } putaran × { $minutes } menit, 2 kali sehari (pagi dan sore)
plan-title = Atur pijat
plan-pass-length = Lama satu putaran (menit)
plan-passes = Jumlah putaran
plan-save = Simpan pengaturan
plan-saved = Pengaturan tersimpan.

## Before the massage

session-cancel = Batal
session-back-home = Kembali ke beranda
consent-today-title = Tanya Ibu dulu
consent-today-question = Bu, apakah Ibu bersedia dipijat sekarang?
consent-today-yes = Ya, Ibu bersedia
consent-today-no = Tidak sekarang
no-consent-title = Tidak apa-apa
no-consent-text = Pijat hanya dilakukan jika Ibu mau. Tawarkan lagi nanti, saat Ibu sedang santai.
safety-title = Periksa keamanan
safety-intro = Tanyakan kepada Ibu. Jika ada satu saja jawaban "Ya", jangan memijat hari ini.
safety-yes = Ya
safety-no = Tidak
safety-continue = Lanjut
safety-answer-all = Jawab semua pertanyaan dulu.
safety-back-wound = Ada luka, ruam, atau infeksi di punggung Ibu?
safety-spine-injury = Ibu pernah cedera tulang belakang, atau baru dioperasi di tulang belakang?
safety-fever-bleeding-dizzy = Ibu sedang demam, perdarahan banyak, atau pusing?
safety-pain-now = Punggung Ibu terasa sakit saat disentuh?
safety-stop-title = Jangan memijat dulu
safety-stop-text = Pijat oksitosin belum aman untuk Ibu sekarang. Hubungi bidan dan ceritakan keluhan ini:
safety-stop-recorded = Sesi ini dicatat sebagai tidak dimulai.
prep-title = Persiapan
prep-intro = Centang setiap persiapan yang sudah siap.
prep-start = Mulai pijat
prep-missing = Centang dulu semua persiapan ({ $count } lagi).
prep-read-lesson = Belum pernah belajar pijatnya? Baca langkah-langkah di bawah sebelum mulai.

## The protocol

protocol-wash-hands = Cuci tangan dengan sabun dan air mengalir.
protocol-quiet-room = Ruangan tenang, hangat, dan tertutup.
protocol-towel = Handuk di pangkuan Ibu.
protocol-oil = Baby oil atau minyak pijat.
protocol-warm-water = Baskom air hangat dan waslap (boleh satu lagi berisi air dingin).
protocol-position = Ibu duduk condong ke depan, tangan dilipat di atas meja, kepala di atas lengan; baju atas dan bra dilepas. Atau Ibu berbaring miring memeluk bantal.
protocol-oil-palms = Oleskan minyak ke kedua telapak tangan.
protocol-find-c7 = Cari tonjolan tulang di pangkal leher (tulang leher ke-7). Letakkan dua kepalan tangan di kiri dan kanan tulang belakang, ibu jari menghadap ke atas.
protocol-thumbs-down-spine = Tekan dengan putaran kecil kedua ibu jari sambil turun di kiri dan kanan tulang belakang, sampai setinggi tali bra (tulang rusuk ke-5–6). Jangan menekan tulang belakangnya.
protocol-pressure = Tekanan mantap tetapi nyaman. Ibu yang menentukan.
protocol-clean-back = Bersihkan punggung dengan waslap air hangat (boleh bergantian dengan air dingin), keringkan, lalu pakaikan baju Ibu.
protocol-offer-breast = Susui bayi atau perah ASI. Perhatikan apakah ASI menetes atau memancar.

## The guided massage

guide-countdown = Bersiap — putaran { $pass } dari { $passes }
guide-pass = Putaran { $pass } dari { $passes }
guide-time-left = Sisa waktu
guide-paused = Dijeda
guide-tap-to-pause = Ketuk di mana saja untuk jeda
guide-tap-to-resume = Ketuk di mana saja untuk melanjutkan
guide-stop = Hentikan
guide-picture-label = Gambar punggung Ibu dari belakang. Ibu jari Bapak (merah) bergerak memutar turun di kiri dan kanan tulang belakang, dari tonjolan tulang leher sampai garis putus-putus (tulang rusuk ke-5–6).
guide-save-failed = Perubahan terakhir belum tersimpan. Pijat tetap berjalan.
closing-title = Penutup
closing-intro = Semua putaran selesai. Bapak sudah boleh menyentuh layar.
closing-done = Selesai

## Stopping and the end

stop-title = Mengapa pijat dihentikan?
stop-reason-mother-asked = Ibu minta berhenti
stop-reason-pain = Ibu merasa sakit
stop-reason-interrupted = Terganggu (bayi, tamu, telepon)
stop-reason-other = Alasan lain
stop-continue = Lanjutkan pijat
finished-title = Terima kasih, Pak!
finished-text = Pijat selesai: { $passes } putaran.
stopped-title = Pijat dihentikan
stopped-pain-advice = Jika rasa sakit tidak hilang, hubungi bidan.
resume-title = Pijat tadi terputus
resume-text = Aplikasi tertutup saat putaran { $pass } dari { $passes }, { $minutes } menit yang lalu.
resume-closing-text = Aplikasi tertutup saat langkah penutup, { $minutes } menit yang lalu.
resume-yes = Lanjutkan
resume-no = Catat sebagai terhenti
guide-do-countdown = Minyaki telapak tangan. Letakkan kepalan di kiri-kanan tonjolan tulang leher.
guide-do-pass = Putar kedua ibu jari kecil-kecil, turun sampai garis putus-putus. Jangan di tulang belakang.
