## Learning: screens

learn-open = Belajar tentang ASI
learn-title = Belajar
learn-intro = Kerjakan tes awal, baca pelajarannya, lalu kerjakan tes akhir.
learn-pre-score = Tes awal: { $score }
learn-post-score = Tes akhir: { $score }
learn-no-score = belum
learn-start-pre = Mulai tes awal
learn-start-post = Mulai tes akhir
learn-lessons = Pelajaran
learn-read = sudah dibaca
lesson-done = Selesai membaca
quiz-title-pre = Tes awal
quiz-title-post = Tes akhir
quiz-intro = Untuk setiap pernyataan, pilih Benar atau Salah.
quiz-true = Benar
quiz-false = Salah
quiz-submit = Selesai
quiz-score = Skor Bapak: { $score }
quiz-gain = Naik dari { $pre } menjadi { $score }!
quiz-pre-then-read = Sekarang baca pelajarannya, lalu kerjakan tes akhir.
quiz-missed = Yang belum tepat:
quiz-answer-was = Jawaban yang benar: { $answer }
quiz-read-lesson = Baca: { $lesson }
quiz-all-right = Semua benar!
read-massage-lesson = Baca pelajaran pijat oksitosin
review-knowledge = Tes pengetahuan: awal { $pre }, akhir { $post }

## Lessons (each cites its sources in its -source line)

lesson-what-is-asi-title = Apa itu ASI dan ASI eksklusif
lesson-what-is-asi-p1 = ASI (air susu ibu) adalah makanan terbaik untuk bayi. Isinya pas dengan kebutuhan tumbuh kembang bayi dan melindunginya dari penyakit.
lesson-what-is-asi-p2 = ASI eksklusif berarti bayi hanya diberi ASI sejak lahir sampai umur 6 bulan, tanpa makanan atau minuman lain, termasuk air putih dan susu formula. Yang boleh hanya vitamin, mineral, dan obat yang diberikan petugas kesehatan.
lesson-what-is-asi-p3 = Setelah 6 bulan bayi mulai diberi makanan pendamping ASI (MPASI), dan tetap menyusu sampai umur 2 tahun atau lebih.
lesson-what-is-asi-source = Sumber: Peraturan Pemerintah No. 33 Tahun 2012 tentang Pemberian ASI Eksklusif; Kemenkes RI, Buku Kesehatan Ibu dan Anak (Buku KIA).
lesson-benefits-title = Manfaat ASI
lesson-benefits-p1 = Untuk bayi: ASI mudah dicerna, menambah kekebalan tubuh, baik untuk pertumbuhan otak, mengurangi risiko alergi dan kegemukan, dan tidak mudah tercemar.
lesson-benefits-p2 = Untuk ibu: menyusui membantu rahim cepat kembali kecil, mengurangi perdarahan setelah melahirkan, dan mengurangi risiko kanker payudara dan kanker indung telur. Menyusui dapat menunda kehamilan hanya jika ketiga syarat ini terpenuhi: bayi hanya diberi ASI dan menyusu sering siang dan malam, ibu belum haid lagi, dan bayi belum berumur 6 bulan. Bicarakan alat KB dengan bidan.
lesson-benefits-p3 = Untuk keluarga: ASI hemat, selalu siap, tidak basi, dan menyusui mendekatkan ibu dengan bayi.
lesson-benefits-source = Sumber: Kemenkes RI, Buku Kesehatan Ibu dan Anak (Buku KIA); WHO, Infant and young child feeding (lembar fakta).
lesson-hormones-title = Bagaimana ASI dibuat dan keluar
lesson-hormones-p1 = Dua hormon bekerja: prolaktin membuat ASI, oksitosin membuat ASI mengalir keluar.
lesson-hormones-p2 = Semakin sering bayi menyusu, semakin banyak ASI dibuat. Bayi perlu menyusu paling sedikit 8 kali sehari (8–12 kali), sesering bayi mau, siang dan malam. Jika bayi jarang menyusu, produksi ASI turun.
lesson-hormones-p3 = Oksitosin disebut hormon kasih sayang: keluar lebih banyak saat ibu tenang, cukup istirahat, merasa aman, bahagia, dan dicintai. Makanan bergizi membantu produksi ASI.
lesson-hormones-source = Sumber: Kemenkes RI, Buku Kesehatan Ibu dan Anak (Buku KIA); WHO, Infant and young child feeding (lembar fakta).
lesson-what-lowers-milk-title = Yang mengurangi ASI
lesson-what-lowers-milk-p1 = Stres, cemas, sedih, dan kelelahan menghambat keluarnya ASI.
lesson-what-lowers-milk-p2 = Rokok dan alkohol mengurangi ASI. Merokok mengganggu hormon prolaktin dan oksitosin. Jangan merokok di dekat Ibu dan bayi.
lesson-what-lowers-milk-p3 = Alat KB yang mengandung estrogen (misalnya pil KB kombinasi) dapat mengurangi ASI. Alat KB yang cocok untuk ibu menyusui antara lain kondom, IUD (spiral), pil KB khusus menyusui, suntik KB 3 bulan, dan implan (susuk). Bicarakan dengan bidan.
lesson-what-lowers-milk-source = Sumber: Kemenkes RI, Buku Kesehatan Ibu dan Anak (Buku KIA); WHO, Medical eligibility criteria for contraceptive use.
lesson-father-role-title = Peran Ayah ASI
lesson-father-role-p1 = Ayah ASI adalah ayah yang ikut mendukung ibu menyusui. Dukungan keluarga, terutama suami, membuat ibu tenang dan percaya diri.
lesson-father-role-p2 = Bapak bisa membantu: memijat oksitosin pagi dan sore, mengambil alih pekerjaan rumah, menjaga Ibu cukup istirahat dan makan bergizi, dan menemani Ibu saat menyusui.
lesson-father-role-p3 = Bapak belajar pijat oksitosin dari bidan atau terapis pijat yang terlatih. Kader posyandu mengamati dan membimbing Bapak saat kunjungan rumah dan di posyandu. Pijat juga boleh diberikan anggota keluarga lain, misalnya nenek.
lesson-father-role-source = Sumber: Kemenkes RI, Buku Kesehatan Ibu dan Anak (Buku KIA); Sari J, Helty MR, Triani Y. Pengaruh Pijat Oksitosin terhadap Produksi ASI di Praktek Bidan Mandiri Yeni, Kecamatan Percut Sei Tuan. JIDAN Jurnal Ilmiah Kebidanan, Vol. 2 No. 1, 2022.
lesson-oxytocin-massage-title = Pijat oksitosin
lesson-oxytocin-massage-p1 = Pijat oksitosin adalah pijatan di kiri dan kanan tulang belakang, dari tonjolan tulang di pangkal leher sampai setinggi tulang rusuk ke-5–6 (setinggi tali BH). Pijatan membuat Ibu rileks dan membantu oksitosin keluar, sehingga ASI lancar.
lesson-oxytocin-massage-p2 = Caranya: Ibu duduk condong ke depan bersandar pada lengan. Oles minyak ke telapak tangan, kepalkan kedua tangan dan letakkan di kiri-kanan tulang belakang dengan ibu jari ke atas, lalu tekan dengan gerakan memutar kecil sambil turun. Biasanya 3 kali pijatan, 2–3 menit setiap pijatan, 2 kali sehari, sesuai rencana dari bidan atau kader. Jangan menekan tulang belakangnya.
lesson-oxytocin-massage-p3 = Jangan memijat jika punggung Ibu luka, ruam, atau infeksi; jika Ibu pernah cedera atau dioperasi di tulang belakang; atau jika punggungnya sakit sekali atau bengkak. Jika Ibu demam, perdarahan banyak, pingsan, atau pusing berat: jangan memijat, bawa Ibu ke bidan atau puskesmas sekarang. Selama memijat, tanyakan apakah tekanannya pas, dan berhenti kapan pun Ibu kesakitan atau minta berhenti.
lesson-oxytocin-massage-source = Sumber: Sari J, Helty MR, Triani Y. Pengaruh Pijat Oksitosin terhadap Produksi ASI di Praktek Bidan Mandiri Yeni, Kecamatan Percut Sei Tuan. JIDAN Jurnal Ilmiah Kebidanan, Vol. 2 No. 1, 2022; Kemenkes RI, Buku Kesehatan Ibu dan Anak (Buku KIA).
lesson-see-midwife-title = Kapan harus ke bidan
lesson-see-midwife-p1 = Hubungi bidan jika ASI belum keluar sampai hari ke-3 setelah melahirkan.
lesson-see-midwife-p2 = Jika payudara merah, panas, dan nyeri, atau ada benjolan yang nyeri, dengan atau tanpa demam.
lesson-see-midwife-p3 = Jika bayi kuning, lemas, terus tidur dan sulit dibangunkan untuk menyusu, atau tidak mau menyusu.
lesson-see-midwife-p4 = Jika popok basah bayi lebih sedikit dari seharusnya untuk umurnya. Pada hari-hari pertama popok basah memang sedikit (hari ke-1 sekitar 1, hari ke-2 sekitar 2, hari ke-3 sekitar 3, hari ke-4 sekitar 4). Mulai sekitar hari ke-5, bayi yang cukup ASI membasahi 6 popok atau lebih sehari.
lesson-see-midwife-p5 = Segera bawa Ibu ke bidan atau puskesmas jika Ibu demam, perdarahan banyak dari jalan lahir, pingsan atau pusing berat, sakit kepala hebat, pandangan kabur, kejang, atau bengkak di wajah dan tangan.
lesson-see-midwife-source = Sumber: Kemenkes RI, Buku Kesehatan Ibu dan Anak (Buku KIA), bagian ibu nifas dan bayi baru lahir; WHO, Recommendations on maternal and newborn care for a positive postnatal experience (2022).

## The knowledge test (answers are in domain::learning)

quiz-s1 = ASI eksklusif berarti bayi hanya diberi ASI selama 6 bulan pertama, tanpa makanan atau minuman lain (kecuali vitamin, mineral, dan obat dari petugas kesehatan).
quiz-s2 = Bayi umur 3 bulan perlu diberi air putih atau susu formula agar tidak haus.
quiz-s3 = Menyusui membantu rahim ibu cepat kembali kecil dan mengurangi risiko kanker payudara.
quiz-s4 = Hormon prolaktin membuat ASI, dan hormon oksitosin membuat ASI mengalir keluar.
quiz-s5 = Semakin jarang bayi menyusu, semakin banyak ASI yang dibuat.
quiz-s7 = Dukungan dan pijatan dari Bapak membantu Ibu tenang sehingga ASI lebih lancar.
quiz-s8 = Pijat oksitosin dilakukan di kiri dan kanan tulang belakang, dari pangkal leher sampai setinggi tulang rusuk ke-5–6.
quiz-s9 = Pijat oksitosin tetap boleh dilakukan walaupun punggung Ibu luka atau Ibu demam.
quiz-s10 = Jika sampai hari ke-3 ASI belum keluar, atau payudara merah, panas, dan nyeri, Ibu perlu ke bidan.
quiz-s11 = Ibu yang cemas, stres, atau sangat lelah bisa lebih sulit mengeluarkan ASI.
