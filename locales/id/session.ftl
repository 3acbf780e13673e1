## Home: the massage

home-start-massage = Mulai pijat oksitosin
home-plan = Setiap pagi dan sore: pijat { $passes } kali, masing-masing { $minutes } menit
plan-title = Atur pijat
plan-pass-length = Lama setiap kali pijat (menit)
plan-passes = Berapa kali pijat
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
safety-spine-injury = Ibu pernah cedera tulang belakang, atau pernah dioperasi di tulang belakang?
safety-severe-pain = Punggung Ibu sakit sekali, bengkak, atau sakitnya tidak seperti biasa? (Pegal biasa setelah melahirkan boleh dipijat.)
safety-heavy-bleeding = Darah nifas Ibu keluar lebih banyak dari biasa (pembalut penuh dalam 1 jam, atau keluar gumpalan besar)?
safety-fever = Ibu demam (badan terasa panas, atau 38°C atau lebih jika ada termometer), dengan atau tanpa payudara yang merah dan nyeri?
safety-faint-dizzy = Sejak terakhir diperiksa bidan, apakah Ibu pernah pingsan? Atau sekarang pusing berat sampai sulit berdiri?
safety-headache-swelling = Apakah Ibu sekarang sakit kepala hebat, pandangan kabur, atau bengkak di wajah dan tangan, atau pernah kejang sejak terakhir diperiksa bidan?
safety-other-danger-signs = Apakah Ibu sekarang sesak napas atau nyeri dada, perut bagian bawah sangat nyeri, cairan nifas berbau busuk, betis nyeri dan bengkak, atau luka jahitan merah, bengkak, atau bernanah?
safety-pregnant-again = Apakah Ibu sedang hamil lagi?
safety-fever-bleeding-dizzy = (Pertanyaan lama) Ibu sedang demam, perdarahan banyak, atau pusing?
safety-pain-now = (Pertanyaan lama) Punggung Ibu terasa sakit saat disentuh?
safety-back-wound-finding = Luka, ruam, atau infeksi di punggung
safety-spine-injury-finding = Pernah cedera atau dioperasi di tulang belakang
safety-severe-pain-finding = Punggung sakit sekali, bengkak, atau sakitnya tidak seperti biasa
safety-heavy-bleeding-finding = Perdarahan banyak
safety-fever-finding = Demam
safety-faint-dizzy-finding = Pingsan atau pusing berat
safety-headache-swelling-finding = Sakit kepala hebat, pandangan kabur, kejang, atau bengkak di wajah dan tangan
safety-other-danger-signs-finding = Sesak napas atau nyeri dada, perut bawah sangat nyeri, nifas berbau, betis bengkak, atau luka jahitan bernanah
safety-pregnant-again-finding = Hamil lagi
safety-fever-bleeding-dizzy-finding = Demam, perdarahan banyak, atau pusing
safety-pain-now-finding = Punggung sakit saat disentuh
safety-stop-title = Jangan memijat dulu
safety-stop-text = Pijat oksitosin belum aman untuk Ibu sekarang. Hubungi bidan dan ceritakan hal berikut:
safety-urgent-title = Bawa Ibu ke bidan atau puskesmas sekarang
safety-urgent-text = Ini tanda bahaya setelah melahirkan. Jangan memijat. Antar Ibu ke bidan atau puskesmas terdekat sekarang, jangan menunggu. Bayi tetap boleh disusui. Sampaikan kepada bidan:
safety-calm-also = Jawaban "Ya" lainnya:
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
protocol-cup = Gelas atau cangkir bersih untuk menampung ASI yang menetes.
protocol-position = Ibu duduk condong ke depan, tangan dilipat di atas meja, kepala di atas lengan; baju atas dan BH dilepas. Atau Ibu berbaring miring memeluk bantal.
protocol-oil-palms = Oleskan minyak ke kedua telapak tangan.
protocol-find-c7 = Cari tonjolan tulang di pangkal leher (tulang leher ke-7). Kepalkan kedua tangan, letakkan di kiri dan kanan tulang belakang, ibu jari menunjuk ke arah kepala Ibu.
protocol-thumbs-down-spine = Tekan dengan gerakan memutar kecil kedua ibu jari sambil turun di kiri dan kanan tulang belakang, sampai setinggi tali BH (tulang rusuk ke-5–6). Jangan menekan tulang belakangnya.
protocol-pressure = Tekan dengan mantap tetapi tetap nyaman. Tanyakan kepada Ibu dan ikuti kuat-lemahnya tekanan yang Ibu mau.
protocol-clean-back = Bersihkan punggung Ibu dengan waslap air hangat (boleh bergantian dengan air dingin), keringkan, lalu bantu Ibu berpakaian kembali.
protocol-offer-breast = Bawakan bayi kepada Ibu untuk disusui, atau bantu Ibu memerah ASI. Perhatikan apakah ASI menetes atau memancar.

## The guided massage

guide-countdown = Bersiap — pijat ke-{ $pass } dari { $passes }
guide-pass = Pijat ke-{ $pass } dari { $passes }
guide-time-left = Sisa waktu
guide-paused = Dijeda
guide-tap-to-pause = Ketuk di mana saja untuk jeda
guide-tap-to-resume = Ketuk di mana saja untuk melanjutkan
guide-stop = Hentikan
guide-pain-stop = Ibu kesakitan — hentikan
guide-picture-label = Gambar punggung Ibu dari belakang. Kedua ibu jari (merah) bergerak memutar kecil sambil turun di kiri dan kanan tulang belakang, dari tonjolan tulang leher sampai garis putus-putus (tulang rusuk ke-5–6).
guide-save-failed = Perubahan terakhir belum tersimpan. Pijat tetap berjalan.
closing-title = Penutup
closing-intro = Semua pijat selesai. Layar sudah boleh disentuh.
closing-done = Selesai

## Stopping and the end

stop-title = Mengapa pijat dihentikan?
stop-reason-mother-asked = Ibu minta berhenti
stop-reason-pain = Ibu merasa sakit
stop-reason-interrupted = Terganggu (bayi, tamu, telepon)
stop-reason-other = Alasan lain
stop-continue = Lanjutkan pijat
finished-title = { $giver ->
    [father] Terima kasih, Pak!
    [grandmother] Terima kasih, Nek!
   *[other] Terima kasih!
}
finished-text = Pijat selesai: { $passes } kali.
stopped-title = Pijat dihentikan
stopped-pain-advice = Jangan lanjutkan pijat hari ini. Jika sakitnya tidak hilang atau besok masih terasa, hubungi bidan. Jika Ibu demam (badannya terasa panas), bawa Ibu ke bidan atau puskesmas sekarang.
resume-title = Pijat tadi terputus
resume-text = Aplikasi tertutup saat pijat ke-{ $pass } dari { $passes }, { $minutes } menit yang lalu.
resume-closing-text = Aplikasi tertutup saat langkah penutup, { $minutes } menit yang lalu.
resume-yes = Lanjutkan
resume-no = Catat sebagai terhenti
guide-do-countdown = Oleskan minyak ke telapak tangan. Letakkan kepalan tangan di kiri-kanan tonjolan tulang leher.
guide-do-pass = Putar kedua ibu jari kecil-kecil sambil turun sampai garis putus-putus. Jangan di tulang belakang. Tanyakan kepada Ibu apakah tekanannya pas, dan berhenti jika sakit.

## Who gives the massage (seed 002: "dibantu pijat oleh ayah atau nenek")
giver-question = Siapa yang memijat hari ini?
giver-father = Ayah
giver-grandmother = Nenek
giver-other-family = Anggota keluarga lain
session-given-by = Dipijat oleh { $giver }

## Drawings of the massage (assets/steps), their text alternatives and captions
picture-position-sitting = Ibu duduk condong ke depan, tangan dilipat di atas meja dan kepala bersandar di atas lengan.
picture-position-side = Atau Ibu berbaring miring memeluk bantal, punggung menghadap orang yang memijat.
picture-fists = Kepalkan kedua tangan, letakkan di kiri dan kanan tulang belakang dengan ibu jari menunjuk ke arah kepala Ibu, di bawah tonjolan tulang leher.
picture-circles = Tekan dengan gerakan memutar kecil sambil turun sampai setinggi tali BH (tulang rusuk ke-5–6). Jangan di tulang belakang.
picture-cloth = Setelah selesai, bersihkan punggung Ibu dengan waslap yang dibasahi air hangat.

## Panduan suara saat pijat (diucapkan oleh mesin suara perangkat: kata utuh, tanpa angka atau singkatan)

speak-first-countdown = Bersiap. Kepalan tangan di samping tonjolan tulang leher.
speak-countdown = Kembali ke pangkal leher. Bersiap untuk pijatan { $pass ->
    [1] pertama
    [2] kedua
    [3] ketiga
    [4] keempat
    [5] kelima
   *[other] berikutnya
}.
# The first pass also asks at once whether the pressure is right (a mother should not
# bear too much pressure until halfway).
speak-pass = { $passes ->
    [1] Mulai pijat.
   *[other] Mulai pijatan { $pass ->
        [1] pertama
        [2] kedua
        [3] ketiga
        [4] keempat
        [5] kelima
       *[other] berikutnya
    } dari { $passes ->
        [2] dua
        [3] tiga
        [4] empat
        [5] lima
       *[other] semua
    }.
} Tekan dengan gerakan memutar kecil kedua ibu jari, dari pangkal leher turun sampai setinggi tali beha. Jangan di tulang belakang. Ulangi dari leher.{ $pass ->
    [1] { " Tanyakan kepada Ibu, apakah tekanannya pas." }
   *[other] { "" }
}
speak-halfway = Ulangi dari leher ke bawah. Berhenti jika Ibu kesakitan atau pusing.
speak-paused = Dijeda.
speak-resumed = Lanjutkan pijat.
# "Air susunya", not "ASI": a speech engine may spell out the letters.
speak-closing = Pijat selesai. Bersihkan punggung Ibu dengan waslap hangat, keringkan, dan bantu Ibu berpakaian. Lalu susui bayi, atau bantu Ibu memerah air susunya.
speak-stopped-pain = Pijat dihentikan. Jangan memijat lagi hari ini. Jika sakitnya tidak hilang atau besok masih terasa, hubungi bidan. Jika badan Ibu panas, bawa Ibu ke bidan atau puskesmas sekarang.
speak-stopped = Pijat dihentikan. Bersihkan punggung Ibu.

## Suara panduan: tombol dan pemberitahuan

speech-on = Suara panduan: nyala
speech-off = Suara panduan: mati
speech-unavailable = Perangkat ini belum punya suara bahasa ini, jadi langkah-langkah tidak dibacakan. Bunyi dan getar tetap menandai setiap pijatan.
