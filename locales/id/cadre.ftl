## Entering cadre mode

cadre-mode = Mode kader
cadre-entry = Kader posyandu? Masuk mode kader
cadre-setup-title = Siapkan mode kader
cadre-setup-intro = Buat PIN 6 angka. PIN melindungi data kesehatan keluarga di perangkat ini.
cadre-name = Nama kader
cadre-pin = PIN (6 angka)
cadre-pin-repeat = Ulangi PIN
cadre-setup-save = Simpan PIN
cadre-unlock-title = Masuk mode kader
cadre-unlock = Masuk
cadre-lock = Kunci
cadre-locked-idle = Mode kader terkunci karena lama tidak dipakai. Masukkan PIN lagi.
cadre-exit = Keluar dari mode kader

## Families

families-title = Keluarga dampingan
families-search = Cari nama ayah atau ibu
families-register = Daftarkan keluarga
families-empty = Belum ada keluarga.
need-risk = Perlu segera dihubungi
risk-pain-stop = Pijat dihentikan karena Ibu kesakitan
risk-safety-stop = Pemeriksaan keamanan: Ibu tidak boleh dipijat
risk-no-milk = Produksi ASI dicatat "tidak ada"
family-age = Bayi { $days } hari
family-expecting = Hamil · perkiraan lahir { $date }
family-last-visit = Kunjungan terakhir: { $date }
family-no-visit = Belum pernah dikunjungi
family-sessions-7d = Pijat 7 hari terakhir: { $given } dari { $planned }
family-last-score = Skor terakhir: { $percent }%
family-last-milk = ASI terakhir: { $flow }
need-no-visit = Perlu kunjungan pertama
need-falling-score = Skor turun
need-few-sessions = Pijat jarang
need-on-track = Sesuai rencana
family-visit = Kunjungan rumah
family-review = Tinjau
register-family-title = Daftarkan keluarga
back-to-families = Kembali ke daftar keluarga

## Home visit: the daftar tilik

visit-title = Kunjungan rumah
visit-intro = Amati Bapak memijat, lalu beri nilai setiap langkah. Langkah wajib harus benar agar Bapak kompeten.
score-0 = 0 Tidak dilakukan
score-1 = 1 Kurang tepat
score-2 = 2 Benar
checklist-preparation = Persiapan: tangan bersih, handuk, minyak, air hangat
checklist-position = Posisi Ibu: duduk condong ke depan bersandar pada lengan (atau berbaring miring)
checklist-placement-c7 = Kepalan tangan dan ibu jari di kiri-kanan tulang belakang, mulai dari tulang leher ke-7
checklist-circular-pressure = Menekan dengan gerakan memutar kecil kedua ibu jari
checklist-down-to-ribs = Bergerak turun sampai tulang rusuk ke-5–6 (setinggi tali BH)
checklist-not-on-spine = Tidak menekan tulang belakangnya
checklist-duration = Lama tiap pijatan { $minutes } menit, sesuai rencana keluarga
checklist-duration-any-plan = Lama tiap pijatan sesuai rencana keluarga
checklist-repetitions = Pijatan diulang { $passes } kali, sesuai rencana keluarga
checklist-repetitions-any-plan = Jumlah pijatan sesuai rencana keluarga
checklist-cleaning = Punggung dibersihkan dengan waslap hangat dan dikeringkan
checklist-asks-comfort = Menanyakan kenyamanan Ibu selama pijat
visit-row-note = Catatan langkah ini
visit-critical = Langkah wajib
visit-score = Skor { $percent }% ({ $total } dari { $maximum })
visit-score-incomplete = Beri nilai semua langkah untuk melihat skor.
band-baik = Baik
band-cukup = Cukup
band-kurang = Kurang
visit-competent = Kompeten
visit-not-competent = Belum kompeten (batas { $percent }%)
visit-critical-failed = Belum kompeten: langkah wajib "{ $row }" bernilai 0
visit-motivation = Motivasi ayah
motivation-cooperative = Kooperatif
motivation-hesitant = Ragu-ragu
motivation-refuses = Menolak
visit-milk-status = Produksi ASI hari ini
visit-milk-unknown = Tidak dicatat
visit-coaching = Catatan pembinaan
visit-save = Simpan kunjungan
visit-saved = Kunjungan tersimpan: { $percent }% — { $band }
visit-amend = Ubah penilaian
visit-amend-reason = Alasan perubahan (wajib)
visit-amended = Diubah: { $reason }

## Review

review-title = Tinjauan keluarga
review-since = Sesi sejak kunjungan terakhir ({ $date })
review-since-enrolment = Sesi sejak terdaftar
review-no-sessions = Belum ada sesi.
review-weeks = Pijat per minggu (rencana 2 kali sehari)
review-week = Minggu mulai { $date }: { $given } dari { $planned }
review-visits = Riwayat kunjungan
review-visit = { $date }: { $percent }% — { $band } (kader { $cadre })
review-visit-critical = Langkah wajib bernilai 0: { $rows }
review-focus = Latih dulu langkah ini
review-focus-none = Semua langkah benar pada kunjungan terakhir.
review-rows = Nilai tiap langkah per kunjungan
family-rw = RW { $rw }
visit-observed = Siapa yang memijat saat kunjungan ini?
review-visit-observed = Yang diamati memijat: { $giver }
training-title = Latihan memijat
training-none = Belum ada latihan memijat yang dicatat. Ayah dilatih langsung oleh bidan atau terapis pijat bersertifikat.
training-line = { $date }: dilatih oleh { $trainer }
training-line-named = { $date }: dilatih oleh { $trainer } ({ $name })
training-record = Catat latihan memijat
training-date = Tanggal latihan
training-trainer = Dilatih oleh
training-trainer-name = Nama pelatih (boleh dikosongkan)
training-save = Simpan latihan
training-saved = Latihan tersimpan.
trainer-midwife = bidan
trainer-therapist = terapis pijat bersertifikat
