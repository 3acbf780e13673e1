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

learn-cadre-title = Belajar & tes kader
learn-cadre-intro = Penyuluhan kader: kerjakan tes awal, baca pelajarannya (sama dengan yang dibaca para ayah), lalu kerjakan tes akhir. Skornya masuk laporan posyandu.
learn-cadre-open = Belajar & tes kader
quiz-cadre-score = Skor tes: { $score }

## Lessons (each cites its sources in its -source line)

lesson-what-is-asi-title = Apa itu ASI dan ASI eksklusif
lesson-what-is-asi-p1 = ASI (air susu ibu) adalah makanan terbaik untuk bayi. Isinya pas dengan kebutuhan tumbuh kembang bayi dan melindunginya dari penyakit.
lesson-what-is-asi-p2 = ASI eksklusif berarti bayi hanya diberi ASI sejak lahir sampai umur 6 bulan, tanpa makanan atau minuman lain, termasuk air putih dan susu formula. Yang boleh hanya vitamin, mineral, dan obat yang diberikan petugas kesehatan.
lesson-what-is-asi-p3 = Setelah 6 bulan bayi mulai diberi makanan pendamping ASI (MPASI), dan tetap menyusu sampai umur 2 tahun atau lebih.
lesson-what-is-asi-source = Sumber: Peraturan Pemerintah No. 33 Tahun 2012 tentang Pemberian ASI Eksklusif (kini diatur dalam PP No. 28 Tahun 2024); Kementerian Kesehatan RI, Buku Kesehatan Ibu dan Anak, edisi 2023, bagian Menyusui.
lesson-benefits-title = Manfaat ASI
lesson-benefits-p1 = Untuk bayi: ASI mudah dicerna, menambah kekebalan tubuh, baik untuk pertumbuhan otak, mengurangi risiko alergi dan kegemukan, dan tidak mudah tercemar.
lesson-benefits-p2 = Untuk ibu: menyusui membantu rahim cepat kembali kecil, mengurangi perdarahan setelah melahirkan, dan mengurangi risiko kanker payudara dan kanker indung telur. Menyusui dapat menunda kehamilan hanya jika ketiga syarat ini terpenuhi: bayi hanya diberi ASI dan menyusu sering siang dan malam, ibu belum haid lagi, dan bayi belum berumur 6 bulan. Bicarakan alat KB dengan bidan.
lesson-benefits-p3 = Untuk keluarga: ASI hemat, selalu siap, dan selalu segar langsung dari payudara; menyusui mendekatkan ibu dengan bayi. (ASI perah bisa basi. Simpan sesuai petunjuk di pelajaran "Memerah dan menyimpan ASI untuk Ibu bekerja".)
lesson-benefits-source = Sumber: Kementerian Kesehatan RI, Buku Kesehatan Ibu dan Anak, edisi 2023, bagian Menyusui; WHO, Infant and young child feeding (lembar fakta).
lesson-hormones-title = Bagaimana ASI dibuat dan keluar
lesson-hormones-p1 = Dua hormon bekerja: prolaktin membuat ASI, oksitosin membuat ASI mengalir keluar.
lesson-hormones-p2 = Semakin sering bayi menyusu, semakin banyak ASI dibuat. Bayi perlu menyusu paling sedikit 8 kali sehari (8–12 kali), sesering bayi mau, siang dan malam. Jika bayi jarang menyusu, produksi ASI turun.
lesson-hormones-p3 = Oksitosin disebut hormon kasih sayang: keluar lebih banyak saat ibu tenang, cukup istirahat, merasa aman, bahagia, dan dicintai. Makanan bergizi membantu produksi ASI.
lesson-hormones-source = Sumber: Kementerian Kesehatan RI, Buku Kesehatan Ibu dan Anak, edisi 2023, bagian Menyusui; WHO, Infant and young child feeding (lembar fakta).
lesson-what-lowers-milk-title = Yang mengurangi ASI
lesson-what-lowers-milk-p1 = Stres, cemas, sedih, dan kelelahan menghambat keluarnya ASI.
lesson-what-lowers-milk-p2 = Rokok dan alkohol mengurangi ASI. Merokok mengganggu hormon prolaktin dan oksitosin. Jangan merokok di dekat Ibu dan bayi.
lesson-what-lowers-milk-p3 = Alat KB yang mengandung estrogen (misalnya pil KB kombinasi) dapat mengurangi ASI. Alat KB yang cocok untuk ibu menyusui antara lain kondom, IUD (spiral), pil KB khusus menyusui, suntik KB 3 bulan, dan implan (susuk). Suntik KB 1 bulan juga mengandung estrogen, jadi tidak dianjurkan selama menyusui. KB untuk Bapak: kondom, atau vasektomi (MOP) jika Bapak dan Ibu tidak ingin menambah anak lagi (vasektomi bersifat permanen). Bidan membantu memilih dan menentukan kapan mulai.
lesson-what-lowers-milk-source = Sumber: Kementerian Kesehatan RI, Buku Kesehatan Ibu dan Anak, edisi 2023, bagian Ibu Nifas (KB setelah melahirkan); WHO, Medical eligibility criteria for contraceptive use.
lesson-father-role-title = Peran Ayah ASI
lesson-father-role-p1 = Ayah ASI adalah ayah yang ikut mendukung ibu menyusui. Dukungan keluarga, terutama suami, membuat ibu tenang dan percaya diri.
lesson-father-role-p2 = Bapak bisa membantu: memberi pijat oksitosin pagi dan sore, mengambil alih pekerjaan rumah, menjaga Ibu cukup istirahat dan makan bergizi, dan menemani Ibu saat menyusui.
lesson-father-role-p3 = Bapak belajar pijat oksitosin dari bidan atau terapis pijat bersertifikat. Kader posyandu mengamati dan membimbing Bapak saat kunjungan rumah dan di posyandu. Pijat juga boleh diberikan anggota keluarga lain, misalnya nenek. Siapa pun yang memijat sebaiknya dilatih langsung oleh bidan atau terapis pijat bersertifikat, lalu dibimbing kader.
lesson-father-role-p4 = Antar Ibu dan bayi ke kunjungan nifas dan kunjungan bayi baru lahir di bidan atau puskesmas: 6 jam sampai 2 hari setelah persalinan, hari ke-3 sampai ke-7, hari ke-8 sampai ke-28, dan untuk Ibu juga hari ke-29 sampai ke-42. Bawa Buku KIA setiap kali.
lesson-father-role-source = Sumber: Laporan pengabdian masyarakat tentang pelatihan pijat oksitosin bagi "Ayah ASI", Posyandu RW 11, Kelurahan Perhentian Raja, Kecamatan Marpoyan Damai, Pekanbaru (2022); Sari J, Helty MR, Triani Y. Pengaruh Pijat Oksitosin terhadap Produksi ASI di Praktek Bidan Mandiri Yeni, Kecamatan Percut Sei Tuan. JIDAN Jurnal Ilmiah Kebidanan, Vol. 2 No. 1, 2022; Kementerian Kesehatan RI, Buku Kesehatan Ibu dan Anak, edisi 2023, bagian Ibu Nifas (dukungan suami dan keluarga, kunjungan nifas) dan bagian Bayi Baru Lahir (kunjungan bayi baru lahir).
lesson-oxytocin-massage-title = Pijat oksitosin
lesson-oxytocin-massage-p1 = Pijat oksitosin adalah pijatan di kiri dan kanan tulang belakang, dari tonjolan tulang di pangkal leher sampai setinggi tulang rusuk ke-5–6 (setinggi tali BH). Pijatan membuat Ibu rileks dan membantu oksitosin keluar, sehingga ASI lancar.
lesson-oxytocin-massage-p2 = Caranya: Ibu duduk condong ke depan bersandar pada lengan. Oleskan minyak ke telapak tangan, kepalkan kedua tangan dan letakkan di kiri-kanan tulang belakang dengan ibu jari menunjuk ke arah kepala Ibu, lalu tekan dengan gerakan memutar kecil sambil turun. Biasanya pijat 3 kali, masing-masing 2–3 menit, setiap pagi dan sore, sesuai rencana dari bidan atau kader. Jangan menekan tulang belakangnya.
lesson-oxytocin-massage-p3 = Jangan memijat jika punggung Ibu luka, ruam, atau infeksi; jika Ibu pernah cedera atau dioperasi di tulang belakang; atau jika punggungnya sakit sekali atau bengkak. Jika Ibu demam, perdarahan banyak, pingsan atau pusing berat, sakit kepala hebat, pandangan kabur, kejang, bengkak di wajah dan tangan, sesak napas atau nyeri dada, perut bagian bawah sangat nyeri, cairan nifas berbau busuk, betis nyeri dan bengkak, atau luka jahitan merah, bengkak, atau bernanah: jangan memijat, bawa Ibu ke bidan atau puskesmas sekarang. Selama memijat, tanyakan apakah tekanannya pas, dan berhenti kapan pun Ibu kesakitan atau minta berhenti.
lesson-oxytocin-massage-source = Sumber: WHO dan UNICEF, Breastfeeding Counselling: A Training Course (pijat punggung untuk merangsang refleks oksitosin); Sari J, Helty MR, Triani Y. Pengaruh Pijat Oksitosin terhadap Produksi ASI di Praktek Bidan Mandiri Yeni, Kecamatan Percut Sei Tuan. JIDAN Jurnal Ilmiah Kebidanan, Vol. 2 No. 1, 2022; Laporan pengabdian masyarakat tentang pelatihan pijat oksitosin bagi "Ayah ASI", Posyandu RW 11, Kelurahan Perhentian Raja, Kecamatan Marpoyan Damai, Pekanbaru (2022); Kementerian Kesehatan RI, Buku Kesehatan Ibu dan Anak, edisi 2023, bagian Ibu Nifas (tanda bahaya).
lesson-see-midwife-title = Kapan harus ke bidan
lesson-see-midwife-p1 = Hubungi bidan hari ini jika sampai hari ke-3 setelah melahirkan ASI belum bertambah banyak (payudara belum terasa lebih penuh), atau bayi tampak tidak kenyang. Kolostrum yang sedikit di hari ke-1 dan ke-2 itu normal.
lesson-see-midwife-p2 = Hubungi bidan hari ini jika payudara merah, panas, dan nyeri, atau ada benjolan. Tetap susui bayi dari kedua payudara, juga dari payudara yang sakit: mengosongkan payudara membantu penyembuhan. Jika Ibu juga demam, bawa Ibu ke bidan atau puskesmas sekarang.
lesson-see-midwife-p3 = Bawa bayi ke bidan atau puskesmas sekarang, jangan menunggu, jika bayi: tidak mau menyusu; lemas atau sulit dibangunkan; kejang; napas cepat atau sesak (dada bagian bawah tertarik ke dalam saat bernapas); merintih; badan panas atau teraba dingin; tali pusat merah, bernanah, atau berbau; mata bernanah; BAB pucat seperti dempul; muntah terus atau mencret; atau kulit dan matanya kuning pada hari pertama, kuningnya sampai ke telapak tangan dan kaki, atau kuning lebih dari 2 minggu.
lesson-see-midwife-p4 = Hubungi bidan jika popok basah bayi lebih sedikit dari seharusnya untuk umurnya. Pada hari-hari pertama popok basah memang sedikit (hari ke-1 sekitar 1, hari ke-2 sekitar 2, hari ke-3 sekitar 3, hari ke-4 sekitar 4). Mulai sekitar hari ke-5, bayi yang cukup ASI membasahi 6 popok atau lebih sehari.
lesson-see-midwife-p5 = Bawa Ibu ke bidan atau puskesmas sekarang, jangan menunggu, jika Ibu demam, perdarahan banyak dari jalan lahir, pingsan atau pusing berat, sakit kepala hebat, pandangan kabur, kejang, atau bengkak di wajah dan tangan.
lesson-see-midwife-p6 = Bawa Ibu ke bidan atau puskesmas sekarang, jangan menunggu, juga jika cairan nifas berbau busuk; perut bagian bawah sangat nyeri; luka jahitan (di jalan lahir atau bekas operasi sesar) merah, bengkak, atau bernanah; Ibu sesak napas atau nyeri dada; atau betis nyeri dan bengkak.
lesson-see-midwife-p7 = Perhatikan juga perasaan Ibu. Jika lebih dari 2 minggu Ibu terus sedih, murung, menangis tanpa sebab, tidak bisa tidur walau bayi tidur, atau tidak mau mengurus bayi, ajak Ibu ke bidan. Jika Ibu berbicara tentang menyakiti dirinya atau bayinya, jangan tinggalkan Ibu sendirian dan bawa Ibu ke bidan atau puskesmas sekarang. Jika Ibu tampak bingung, bicara atau berperilaku aneh, melihat atau mendengar hal yang tidak ada, atau berhari-hari tidak tidur sama sekali: bawa Ibu ke bidan atau puskesmas sekarang, walaupun belum 2 minggu.
lesson-see-midwife-source = Sumber: Kementerian Kesehatan RI, Buku Kesehatan Ibu dan Anak, edisi 2023, bagian Ibu Nifas dan bagian Bayi Baru Lahir (tanda bahaya); WHO, Recommendations on maternal and newborn care for a positive postnatal experience (2022).

## Lessons added in issue 18 (quiz v3): colostrum and IMD, latch, fathers' myths, expressed milk
lesson-colostrum-imd-title = Kolostrum dan Inisiasi Menyusu Dini (IMD)
lesson-colostrum-imd-p1 = Kolostrum adalah ASI pertama yang keluar di hari-hari pertama: kental dan kekuningan. Jumlahnya sedikit, tetapi cukup untuk lambung bayi yang masih kecil, dan kaya zat kekebalan yang melindungi bayi dari penyakit. Jangan dibuang: berikan semuanya kepada bayi.
lesson-colostrum-imd-p2 = Inisiasi Menyusu Dini (IMD): segera setelah lahir, bayi diletakkan tengkurap di dada Ibu, kulit menempel kulit, paling sedikit 1 jam, sampai bayi mencari puting dan menyusu sendiri. IMD membantu ASI cepat keluar, menghangatkan bayi, dan menenangkan Ibu.
lesson-colostrum-imd-p3 = Peran Bapak: sejak hamil, sampaikan kepada bidan bahwa keluarga ingin IMD. Setelah bayi lahir, temani Ibu. Jangan beri bayi makanan atau minuman apa pun selain ASI, misalnya air putih, air gula, air tajin, pisang, atau susu formula. Susu formula hanya diberikan jika bidan atau dokter memintanya karena alasan medis. Madu sama sekali tidak boleh untuk bayi di bawah 1 tahun, dioleskan ke bibir pun jangan.
lesson-colostrum-imd-source = Sumber: Peraturan Pemerintah No. 33 Tahun 2012 tentang Pemberian ASI Eksklusif (kini diatur dalam PP No. 28 Tahun 2024), yang mewajibkan IMD paling singkat 1 jam; Kementerian Kesehatan RI, Buku Kesehatan Ibu dan Anak, edisi 2023, bagian Bayi Baru Lahir; WHO dan UNICEF, Ten Steps to Successful Breastfeeding (2018).
lesson-latch-title = Perlekatan dan posisi menyusui
lesson-latch-p1 = Perlekatan yang baik: mulut bayi terbuka lebar, dagu menempel pada payudara, bibir bawah terlipat keluar, dan sebagian besar areola (daerah gelap di sekitar puting) masuk ke mulut bayi, bukan hanya putingnya. Bayi mengisap pelan dan dalam, dan terdengar menelan.
lesson-latch-p2 = Posisi: badan bayi menghadap dan menempel badan Ibu, kepala dan badan bayi dalam satu garis lurus, hidung bayi berhadapan dengan puting. Puting lecet biasanya tanda perlekatan kurang tepat: perbaiki perlekatannya, lalu oleskan sedikit ASI pada puting setelah menyusui dan biarkan kering. Payudara bengkak: susui lebih sering, kompres hangat sebelum menyusui dan kompres dingin sesudahnya, dan perah sedikit ASI agar areola lunak.
lesson-latch-p3 = Bapak membantu: ambilkan bantal untuk menyangga lengan Ibu dan bayi, bawakan minum, gendong dan sendawakan bayi, dan ambil alih pekerjaan rumah agar Ibu bisa istirahat. Jika puting lecet berdarah, payudara merah, panas, dan nyeri, atau ada benjolan: hubungi bidan hari ini, dan tetap susui bayi dari kedua payudara. Jika Ibu demam: bawa Ibu ke bidan atau puskesmas sekarang.
lesson-latch-source = Sumber: Kementerian Kesehatan RI, Buku Kesehatan Ibu dan Anak, edisi 2023, bagian Menyusui; WHO dan UNICEF, Ten Steps to Successful Breastfeeding (2018); WHO, Infant and young child feeding (lembar fakta).
lesson-fathers-myths-title = Kata orang tentang ayah dan menyusui
lesson-fathers-myths-p1 = "Menyusui itu urusan ibu saja." Tidak benar. Ibu yang didukung suaminya lebih tenang dan percaya diri, dan rasa tenang membantu oksitosin sehingga ASI mengalir. Dukungan Bapak ikut menentukan berhasilnya ASI eksklusif.
lesson-fathers-myths-p2 = "Bayi sering menangis berarti ASI-nya kurang, jadi perlu susu formula." Belum tentu: bayi menangis karena banyak hal, dan bayi memang menyusu sering, 8 kali sehari atau lebih. Tanda ASI cukup: mulai sekitar hari ke-5 bayi membasahi 6 popok atau lebih sehari, dan berat badannya naik saat ditimbang di posyandu. Jika ragu, tanyakan bidan sebelum memberi susu formula.
lesson-fathers-myths-p3 = "Ayah tidak bisa berbuat apa-apa karena tidak menyusui." Bapak bisa banyak: memberi pijat oksitosin, menggendong dan menenangkan bayi, menyendawakan, mengganti popok, menyiapkan makan dan minum Ibu, dan menemani ke posyandu. Jika keluarga menyarankan hal lain, bicarakan dengan lembut dan ajak bertanya kepada bidan atau kader.
lesson-fathers-myths-source = Sumber: Laporan pengabdian masyarakat tentang pelatihan pijat oksitosin bagi "Ayah ASI", Posyandu RW 11, Kelurahan Perhentian Raja, Kecamatan Marpoyan Damai, Pekanbaru (2022); WHO, Infant and young child feeding (lembar fakta).
lesson-expressing-storing-title = Memerah dan menyimpan ASI untuk Ibu bekerja
lesson-expressing-storing-p1 = Ibu yang kembali bekerja tetap bisa memberi ASI eksklusif dengan memerah ASI. Cuci tangan dengan sabun, pakai wadah bersih bertutup (botol kaca atau kantong ASI), perah dengan tangan atau pompa kira-kira setiap 3 jam selama Ibu jauh dari bayi, dan tulis tanggal dan jam memerah pada wadah. Saat di rumah dan malam hari, Ibu tetap menyusui langsung. Tempat kerja wajib memberi Ibu kesempatan memerah ASI atau menyusui selama jam kerja, dan menyediakan ruang ASI sesuai kemampuannya (Peraturan Pemerintah No. 28 Tahun 2024, pengganti Peraturan Pemerintah No. 33 Tahun 2012).
lesson-expressing-storing-p2 = Lama simpan ASI perah: di suhu ruang yang sejuk (sampai 25°C) paling lama 4 jam; di tas pendingin dengan es paling lama 24 jam; di kulkas bagian dalam, bukan di pintu (4°C atau lebih dingin), paling lama 4 hari; di freezer kecil di dalam kulkas satu pintu paling lama 2 minggu; di freezer kulkas dua pintu paling lama 3 bulan; di freezer khusus berpintu sendiri (−18°C) paling lama 6 bulan. Jika ruangan lebih panas, segera masukkan ke kulkas atau tas pendingin. Pakai lebih dulu yang diperah lebih dulu.
lesson-expressing-storing-p3 = Cairkan ASI beku di kulkas semalaman, atau rendam wadahnya dalam air hangat (bukan air mendidih). Jangan dimasak dan jangan dipanaskan di microwave. ASI yang dicairkan di kulkas dan tetap di kulkas dipakai dalam 24 jam. ASI yang dicairkan dalam air hangat atau sudah dihangatkan dipakai dalam 1–2 jam. ASI yang sudah cair jangan dibekukan lagi. Berikan dengan cangkir atau sendok. Sisa yang tidak habis dibuang paling lambat 2 jam setelah bayi selesai minum. Bapak bisa mencuci dan menyiapkan wadah, dan memberi ASI perah saat Ibu bekerja.
lesson-expressing-storing-source = Sumber: Academy of Breastfeeding Medicine, Clinical Protocol #8: Human Milk Storage Information for Home Use for Full-Term Infants (2017), kolom waktu optimal; CDC, Proper Storage and Preparation of Breast Milk; Peraturan Pemerintah No. 28 Tahun 2024 (pengganti PP No. 33 Tahun 2012). Batas 2 minggu untuk freezer kecil di dalam kulkas satu pintu mengikuti tabel ABM dan CDC versi lama. Beberapa bahan Kemenkes memberi waktu simpan lebih panjang; aplikasi ini memakai batas yang lebih pendek dan lebih aman untuk rumah yang panas.

## The knowledge test (answers are in domain::learning)

quiz-s1 = ASI eksklusif berarti bayi hanya diberi ASI selama 6 bulan pertama, tanpa makanan atau minuman lain (kecuali vitamin, mineral, dan obat dari petugas kesehatan).
quiz-s2 = Bayi umur 3 bulan perlu diberi air putih atau susu formula agar tidak haus.
quiz-s3 = Menyusui membantu rahim ibu cepat kembali kecil dan mengurangi risiko kanker payudara.
quiz-s4 = Hormon prolaktin membuat ASI, dan hormon oksitosin membuat ASI mengalir keluar.
quiz-s5 = Semakin jarang bayi menyusu, semakin banyak ASI yang dibuat.
quiz-s7 = Dukungan dan pijatan dari Bapak membantu Ibu tenang sehingga ASI lebih lancar.
quiz-s8 = Pijat oksitosin dilakukan di kiri dan kanan tulang belakang, dari pangkal leher sampai setinggi tulang rusuk ke-5–6.
quiz-s9 = Pijat oksitosin tetap boleh dilakukan walaupun punggung Ibu luka atau Ibu demam.
quiz-s10 = Jika sampai hari ke-3 ASI belum bertambah banyak, atau payudara merah, panas, dan nyeri, Ibu perlu ke bidan.
quiz-s11 = Ibu yang cemas, stres, atau sangat lelah bisa lebih sulit mengeluarkan ASI.
quiz-s12 = Kolostrum (ASI pertama yang kental dan kekuningan) sebaiknya dibuang karena kotor.
quiz-s13 = Saat bayi menyusu dengan benar, sebagian besar areola (daerah gelap di sekitar puting) masuk ke mulut bayi, bukan hanya putingnya.
quiz-s14 = ASI perah tahan 2 hari di suhu ruang, jadi tidak perlu disimpan di kulkas.
quiz-s15 = Menyusui hanya urusan ibu; ayah tidak perlu ikut terlibat.
quiz-s16 = Jika Ibu perdarahan banyak setelah melahirkan, cukup menunggu jadwal posyandu berikutnya.
