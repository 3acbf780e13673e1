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

## Lessons (sources: shared/seeds and DESIGN.md)

lesson-what-is-asi-title = Apa itu ASI dan ASI eksklusif
lesson-what-is-asi-p1 = ASI (air susu ibu) adalah makanan terbaik untuk bayi. Isinya pas dengan kebutuhan tumbuh kembang bayi dan melindunginya dari penyakit.
lesson-what-is-asi-p2 = ASI eksklusif berarti bayi hanya diberi ASI sejak lahir sampai umur 6 bulan, tanpa makanan atau minuman lain, termasuk air putih dan susu formula.
lesson-what-is-asi-p3 = Setelah 6 bulan bayi mulai diberi makanan pendamping, dan tetap menyusu sampai umur 2 tahun.
lesson-what-is-asi-source = Sumber: seed 000 (penyuluhan ASI, RB Rosita Pekanbaru 2024, mengutip PP No. 33 Tahun 2012) dan seed 002.
lesson-benefits-title = Manfaat ASI
lesson-benefits-p1 = Untuk bayi: ASI mudah dicerna, menambah kekebalan tubuh, baik untuk pertumbuhan otak, mengurangi risiko alergi dan kegemukan, dan tidak mudah tercemar.
lesson-benefits-p2 = Untuk ibu: menyusui membantu rahim cepat kembali kecil, mengurangi risiko kanker payudara dan kanker rahim, membantu menunda kehamilan, dan mengurangi stres.
lesson-benefits-p3 = Untuk keluarga: ASI hemat, selalu siap, tidak basi, dan menyusui mendekatkan ibu dengan bayi.
lesson-benefits-source = Sumber: seed 000 (manfaat ASI bagi bayi dan ibu).
lesson-hormones-title = Bagaimana ASI dibuat dan keluar
lesson-hormones-p1 = Dua hormon bekerja: prolaktin membuat ASI, oksitosin membuat ASI mengalir keluar.
lesson-hormones-p2 = Semakin sering bayi menyusu (8–10 kali sehari), semakin banyak ASI dibuat. Jika bayi jarang menyusu, produksi ASI turun.
lesson-hormones-p3 = Oksitosin disebut hormon kasih sayang: keluar lebih banyak saat ibu tenang, cukup istirahat, merasa aman, bahagia, dan dicintai. Makanan bergizi membantu produksi ASI.
lesson-hormones-source = Sumber: seed 000 (prolaktin, oksitosin, frekuensi menyusu) dan seed 002.
lesson-what-lowers-milk-title = Yang mengurangi ASI
lesson-what-lowers-milk-p1 = Stres, cemas, sedih, dan kelelahan menghambat keluarnya ASI.
lesson-what-lowers-milk-p2 = Rokok dan alkohol mengurangi ASI. Merokok mengganggu hormon prolaktin dan oksitosin. Jangan merokok di dekat ibu dan bayi.
lesson-what-lowers-milk-p3 = Beberapa alat kontrasepsi dapat mengurangi ASI. Yang bisa dipakai ibu menyusui antara lain kondom, IUD, pil khusus menyusui, atau suntik 3 bulanan. Tanyakan ke bidan.
lesson-what-lowers-milk-source = Sumber: seed 000 (faktor yang memengaruhi produksi ASI).
lesson-father-role-title = Peran Ayah ASI
lesson-father-role-p1 = Ayah ASI adalah ayah yang ikut mendukung ibu menyusui. Dukungan keluarga, terutama suami, membuat ibu tenang dan percaya diri.
lesson-father-role-p2 = Bapak bisa membantu: memijat oksitosin pagi dan sore, mengambil alih pekerjaan rumah, menjaga ibu cukup istirahat dan makan bergizi, dan menemani saat menyusui.
lesson-father-role-p3 = Pijat oksitosin bisa diberikan oleh ayah. Kader posyandu melatih dan mendampingi Bapak.
lesson-father-role-source = Sumber: seed 004 (pelatihan Ayah ASI, Posyandu RW 11 Pekanbaru) dan seed 002.
lesson-oxytocin-massage-title = Pijat oksitosin
lesson-oxytocin-massage-p1 = Pijat oksitosin adalah pijatan di kiri dan kanan tulang belakang, dari tonjolan tulang di pangkal leher sampai setinggi tulang rusuk ke-5–6 (setinggi tali bra). Pijatan membuat ibu rileks dan membantu oksitosin keluar, sehingga ASI lancar.
lesson-oxytocin-massage-p2 = Caranya: ibu duduk condong ke depan bersandar pada lengan. Minyaki telapak tangan, letakkan dua kepalan di kiri-kanan tulang belakang dengan ibu jari ke atas, tekan memutar kecil sambil turun. Tiga putaran, 2–3 menit tiap putaran, 2 kali sehari. Jangan menekan tulang belakangnya.
lesson-oxytocin-massage-p3 = Jangan memijat jika punggung ibu luka, ruam, atau infeksi; jika ibu pernah cedera atau dioperasi di tulang belakang; jika ibu demam, perdarahan, atau pusing; atau jika ibu merasa sakit. Berhenti kapan pun ibu minta.
lesson-oxytocin-massage-source = Sumber: seed 002 (pijat sampai tulang rusuk ke-5–6), seed 004 (pelatihan pijat), DESIGN.md bagian 2 (langkah dan keamanan).
lesson-see-midwife-title = Kapan ke bidan
lesson-see-midwife-p1 = Segera hubungi bidan jika ASI belum keluar sampai hari ke-3 atau ke-4 setelah melahirkan.
lesson-see-midwife-p2 = Juga jika payudara merah, panas, dan nyeri.
lesson-see-midwife-p3 = Dan jika popok bayi basah kurang dari 6 kali sehari.
lesson-see-midwife-source = Sumber: DESIGN.md bagian 2 (tanda rujukan).

## The knowledge test (answers are in domain::learning)

quiz-s1 = ASI eksklusif berarti bayi hanya diberi ASI selama 6 bulan pertama, tanpa makanan atau minuman lain.
quiz-s2 = Bayi umur 3 bulan perlu diberi air putih atau susu formula agar tidak haus.
quiz-s3 = Menyusui membantu rahim ibu cepat kembali kecil dan mengurangi risiko kanker payudara.
quiz-s4 = Hormon prolaktin membuat ASI, dan hormon oksitosin membuat ASI mengalir keluar.
quiz-s5 = Semakin jarang bayi menyusu, semakin banyak ASI yang dibuat.
quiz-s6 = Merokok di dekat ibu menyusui tidak berpengaruh pada ASI.
quiz-s7 = Dukungan dan pijatan dari ayah membantu ibu tenang sehingga ASI lebih lancar.
quiz-s8 = Pijat oksitosin dilakukan di kiri dan kanan tulang belakang, dari pangkal leher sampai setinggi tulang rusuk ke-5–6.
quiz-s9 = Pijat oksitosin tetap boleh dilakukan walaupun punggung ibu luka atau ibu demam.
quiz-s10 = Jika sampai hari ke-4 ASI belum keluar, atau payudara merah, panas, dan nyeri, ibu perlu segera ke bidan.
