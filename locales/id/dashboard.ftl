## The puskesmas dashboard (web pages served by the server) for staff and midwives.

dash-app-name = Ayah ASI · Puskesmas
dash-months = Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des
dash-nav-label = Menu
dash-nav-overview = Ringkasan
dash-nav-alerts = Peringatan
dash-nav-families = Keluarga
dash-nav-report = Laporan
dash-nav-cadres = Kader & perangkat
dash-nav-accounts = Akun
dash-nav-audit = Jejak audit
dash-logout = Keluar
dash-password-link = Ganti kata sandi
dash-role-admin = admin
dash-role-puskesmas = puskesmas
dash-role-midwife = bidan

## Login
dash-login-title = Masuk
dash-login-name = Nama pengguna
dash-login-password = Kata sandi
dash-login-submit = Masuk
dash-login-wrong = Nama pengguna atau kata sandi salah.
dash-login-locked = Terlalu banyak percobaan yang salah. Akun ini dikunci sampai { $until }.
dash-login-too-many = Terlalu banyak percobaan masuk dari alamat ini. Tunggu satu menit, lalu coba lagi.
dash-login-expired = Sesi sudah berakhir. Silakan masuk lagi.

## Errors
dash-error-title = Tidak bisa dibuka
dash-error-forbidden = Halaman ini bukan untuk peran akun ini.
dash-error-not-found = Tidak ditemukan, atau di luar posyandu akun ini.
dash-error-bad-form = Formulir ini sudah kedaluwarsa. Muat ulang halaman, lalu kirim lagi.
dash-error-storage = Basis data server sedang bermasalah. Tidak ada yang berubah; coba lagi sebentar lagi.

## Tables and filters
dash-col-posyandu = Posyandu
dash-col-families = Keluarga terdaftar
dash-col-active = Ayah aktif 7 hari terakhir
dash-col-sessions-plan = Sesi 7 hari / rencana
dash-col-visits-due = Perlu kunjungan
dash-col-trained = Ayah sudah dilatih
dash-col-cadres = Kader (ponsel tersambung)
dash-col-counselled = Kader yang sudah ikut penyuluhan (tes awal dan akhir)
dash-col-father = Ayah
dash-col-mother = Ibu
dash-col-rw = RW
dash-col-cadre = Kader
dash-col-last-visit = Kunjungan terakhir
dash-col-when = Waktu
dash-col-outcome = Hasil
dash-col-given-by = Dipijat oleh
dash-col-comfort = Kenyamanan (1–5)
dash-col-pain = Nyeri sebelum → sesudah (0–10)
dash-col-milk-flow = ASI
dash-col-row = Langkah daftar tilik
dash-col-device = Perangkat
dash-col-paired = Tersambung sejak
dash-col-last-sync = Sinkron terakhir
dash-col-app-version = Versi aplikasi
dash-col-state = Status
dash-col-name = Nama
dash-col-role = Peran
dash-col-last-login = Terakhir masuk
dash-col-who = Siapa
dash-col-action = Tindakan
dash-col-target = Tentang
dash-col-address = Alamat
dash-total = Jumlah
dash-filter-name = Nama ayah atau ibu
dash-filter-all = Semua
dash-filter-apply = Tampilkan
dash-never = Belum pernah
dash-none = Belum ada.
dash-sessions-of-plan = { $given } dari { $planned }
dash-cadres-paired = { $paired } dari { $cadres }
dash-pregnant = Masih hamil

## Overview
dash-overview-lede = Keadaan program per posyandu, dari catatan yang sudah disinkronkan ponsel kader dan keluarga.
dash-overview-caption = Per posyandu, 7 hari terakhir
dash-overview-empty = Belum ada posyandu. Admin menambahkannya lewat baris perintah server.
dash-overview-note = Rencana: 2 sesi sehari sejak bayi lahir. Perlu kunjungan: belum dikunjungi kader lebih dari 30 hari. Kader yang sudah ikut penyuluhan: kader yang ponselnya sudah mengirim tes awal dan tes akhirnya.

## Alerts
alert-pain-stop = Pijat dihentikan karena Ibu merasa sakit
alert-safety-stop = Pijat dihentikan oleh pemeriksaan keamanan
alert-safety-stop-found = Pijat dihentikan oleh pemeriksaan keamanan: { $findings }
alert-danger-sign = Tanda bahaya dilaporkan: { $signs }
alert-no-milk = Produksi ASI dicatat "tidak ada"
alert-critical-row = Kunjungan: syarat keamanan tidak terpenuhi
alert-no-visit = Belum ada kunjungan kader 30 hari
alert-no-session = Tidak ada sesi pijat dalam 7 hari terakhir
alert-no-sync = Ponsel kader belum sinkron 7 hari
dash-alerts-lede = Terbaru di atas. Buka keluarganya untuk melihat apa yang terjadi, lalu tandai sudah ditangani.
dash-alerts-none = Tidak ada peringatan yang terbuka.
dash-alerts-show-handled = Tampilkan juga yang sudah ditangani
dash-alerts-open-only = Hanya yang belum ditangani
dash-alert-family = Keluarga Bapak { $father }
dash-alert-cadre = Kader { $cadre }
dash-alert-mark-handled = Tandai sudah ditangani
dash-alert-handled-by = Ditangani oleh { $name }, { $time }

## Families and a family's review
dash-families-count = { $count } keluarga
dash-review-title = Keluarga { $father } & { $mother }
dash-expected-birth = Perkiraan lahir
dash-baby-born = Bayi lahir
dash-enrolled = Terdaftar
dash-weeks-title = Sesi per minggu, dibanding rencana
dash-week-of = Minggu mulai
dash-sessions-title = Sesi { $days } hari terakhir
dash-outcome-finished = Selesai
dash-outcome-stopped = Dihentikan
dash-outcome-not-started = Tidak dimulai
dash-stop-no-consent = Ibu tidak setuju
dash-stop-safety = pemeriksaan keamanan
dash-stop-mother-asked = Ibu minta berhenti
dash-stop-pain = Ibu merasa sakit
dash-stop-interrupted = terganggu
dash-stop-other = alasan lain
dash-visits-title = Kunjungan kader (daftar tilik)
dash-visit-score = skor { $percent }% ({ $band })
dash-competent = kompeten
dash-not-competent = belum kompeten
dash-critical-failed = syarat keamanan tidak terpenuhi
dash-focus-title = Dilatih dulu
dash-trends-caption = Skor tiap langkah per kunjungan (0–2)
dash-learning-title = Pengetahuan, pelatihan dan ASI
dash-pre-test = Tes awal
dash-post-test = Tes akhir
dash-not-taken = belum
dash-training = Pelatihan praktik
dash-milk-status = Produksi ASI
dash-questions-title = Pertanyaan untuk posko
dash-move-title = Pindahkan ke kader lain
dash-move-to = Kader baru
dash-move-submit = Pindahkan
dash-move-note = Ponsel kader baru menerima catatan keluarga ini pada sinkron berikutnya; ponsel kader lama tidak lagi. Ponsel keluarga yang dipasangkan lewat kader lama berhenti tersambung, dan kode lama yang belum dipakai tidak berlaku lagi: kader baru memberi keluarga kode baru. Perpindahan ini tercatat.

## Report
dash-report-months = Periode
dash-months-back = { $months } bulan terakhir
dash-report-period = { $from } sampai { $to }
dash-export-xlsx = Unduh XLSX
dash-export-csv = Unduh CSV per tabel
dash-report-note = Dihitung dengan aturan yang sama seperti laporan di aplikasi kader (uji Wilcoxon seperti SPSS). Untuk mencetak, gunakan menu cetak peramban.

## Cadres and devices
dash-cadres-lede = Ponsel yang tersambung ke server ini. Kode sambung berlaku sekali dan 24 jam.
dash-cadre-families = { $count } keluarga
dash-no-devices = Belum ada ponsel yang tersambung.
dash-no-cadres = Belum ada kader.
dash-device-cadre = Ponsel kader
dash-device-family = Ponsel keluarga { $father }
dash-revoked-at = Dicabut { $time }
dash-revoke = Cabut…
dash-active = Aktif
dash-make-code = Buat kode sambung untuk ponsel kader
dash-code-title = Kode sambung
dash-code-intro = Ketik kode ini di ponsel kader (Mode kader → Server puskesmas):
dash-code-note = Berlaku sekali, selama { $hours } jam. Kode ini tidak akan ditampilkan lagi.
dash-back-to-cadres = Kembali ke kader & perangkat
dash-revoke-title = Cabut ponsel ini?
dash-revoke-explain = Ponsel ini langsung ditolak server. Catatan yang sudah terkirim tetap ada, dan catatan di ponsel itu tidak hilang; ponsel bisa disambungkan lagi dengan kode baru.
dash-revoke-confirm = Ya, cabut
dash-cancel = Batal

## Accounts and audit
dash-account-add = Tambah akun
dash-account-posyandu = Posyandu (untuk bidan)
dash-account-password = Kata sandi (paling sedikit { $chars } karakter)
dash-account-submit = Tambah
dash-account-added = Akun { $login } sudah dibuat.
dash-account-bad-login = Nama pengguna: 3–40 huruf kecil, angka, titik, garis bawah atau tanda hubung.
dash-account-bad-name = Nama wajib diisi (paling banyak 80 karakter).
dash-account-short-password = Kata sandi terlalu pendek.
dash-account-no-posyandu = Bidan perlu paling sedikit satu posyandu dari puskesmas ini.
dash-account-login-taken = Nama pengguna ini sudah dipakai.
dash-account-reset = Atur kata sandi yang terlupa
dash-account-reset-lede = Untuk yang lupa kata sandinya: akunnya dibuka kembali dan semua sesinya diakhiri. Sampaikan kata sandi baru secara langsung; setelah masuk dia bisa menggantinya di "Ganti kata sandi".
dash-account-reset-login = Akun
dash-account-reset-submit = Atur kata sandi
dash-account-reset-done = Kata sandi { $login } sudah diatur; akunnya dibuka dan { $ended } sesinya diakhiri.
dash-account-unknown = Akun itu tidak ada di puskesmas ini.
dash-locked = terkunci
dash-audit-lede = Per halaman { $count } catatan, terbaru dulu: siapa membuka data keluarga, mengunduh laporan, atau mengubah akun dan perangkat.
dash-audit-pages = Halaman catatan
dash-audit-newest = Terbaru
dash-audit-older = Lebih lama
dash-audit-login = masuk
dash-audit-login-failed = gagal masuk
dash-audit-login-locked = masuk ditolak (terkunci)
dash-audit-logout = keluar
dash-audit-family-viewed = membuka data keluarga
dash-audit-alert-handled = menandai peringatan
dash-audit-pairing-code-made = membuat kode sambung
dash-audit-device-revoked = mencabut ponsel
dash-audit-family-moved = memindahkan keluarga
dash-audit-report-exported = mengunduh laporan
dash-audit-account-added = menambah akun
dash-audit-password-changed = mengganti kata sandinya
dash-audit-password-change-failed = salah memasukkan kata sandi lama saat menggantinya
dash-audit-password-reset = mengatur kata sandi yang terlupa

## Mengganti kata sandi sendiri
dash-password-title = Ganti kata sandi
dash-password-lede = Peramban lain yang masih masuk dengan akun ini akan dikeluarkan setelah kata sandi diganti; peramban ini tetap masuk.
dash-password-current = Kata sandi sekarang
dash-password-new = Kata sandi baru (paling sedikit { $chars } karakter)
dash-password-repeat = Ulangi kata sandi baru
dash-password-submit = Simpan kata sandi baru
dash-password-changed = Kata sandi sudah diganti. { $ended ->
    [0] Tidak ada peramban lain yang sedang masuk.
   *[other] { $ended } peramban lain sudah dikeluarkan.
}
dash-password-wrong = Kata sandi sekarang salah.
dash-password-mismatch = Kedua kata sandi baru tidak sama.
dash-password-same = Kata sandi baru harus berbeda dari yang sekarang.

## Adding posyandu and cadres
dash-cadre-name = Nama kader
dash-cadre-add = Tambah kader
dash-cadre-added = Kader { $name } sudah ditambahkan. Buat kode sambung untuk ponselnya di bawah.
dash-name-invalid = Nama wajib diisi, paling banyak { $max } karakter.
dash-posyandu-add = Tambah posyandu
dash-posyandu-name = Nama posyandu
dash-posyandu-submit = Tambah
dash-posyandu-added = Posyandu { $name } sudah ditambahkan.
dash-posyandu-invalid = Nama posyandu wajib diisi (paling banyak { $max } karakter) dan belum dipakai di puskesmas ini.
dash-audit-cadre-added = menambah kader
dash-audit-posyandu-added = menambah posyandu
dash-device-a-family = Ponsel keluarga
dash-audit-device-paired = ponsel tersambung dengan kode
dash-audit-records-pulled = ponsel mengambil catatan keluarga
dash-audit-family-erased = menghapus data keluarga
dash-erase-title = Hapus data keluarga ini dari server
dash-erase-intro = Jika Ibu datang sendiri dan meminta datanya dihapus, menarik persetujuannya, atau keluarga tercatat karena keliru, hapus di sini. Data dihapus dari server, lalu dari HP kader dan HP keluarga saat HP itu tersambung.
dash-erase-open = Hapus data keluarga…
dash-erase-explain = Data keluarga { $father } dan { $mother } akan dihapus dan tidak dapat dikembalikan.
dash-erase-what-server = Dari server puskesmas: data keluarga, persetujuan Ibu, semua sesi pijat, penilaian Ibu, status ASI, kunjungan kader dan nilainya, hasil tes, beserta versi lamanya, catatan yang menunggu dipilih, dan kode sambung yang belum dipakai.
dash-erase-what-phones = Dari ponsel kader dan ponsel keluarga: pada sinkron berikutnya ponsel itu menghapus salinannya sendiri. Berkas yang pernah dikirim lewat WhatsApp tidak terjangkau server: minta kader menghapusnya.
dash-erase-what-reports = Laporan dan halaman dasbor tidak lagi menghitung keluarga ini.
dash-erase-what-audit = Catatan audit menyimpan bahwa data sebuah keluarga dihapus, kapan, oleh siapa, alasannya, dan kode acak keluarga itu, tanpa nama.
dash-erase-reason = Alasan
dash-erase-reason-asked-in-person = Ibu datang dan meminta datanya dihapus
dash-erase-reason-consent-withdrawn = Ibu menarik persetujuannya
dash-erase-reason-entered-by-mistake = Keluarga tercatat karena keliru (misalnya tercatat dua kali)
dash-erase-confirm = Ya, hapus data keluarga ini
dash-erase-done = Data keluarga sudah dihapus dari server. Ponsel kader dan ponsel keluarga menghapus salinannya pada sinkron berikutnya.

## Gambar di ringkasan: sesi per minggu dan peringatan menurut jenis

dash-overview-weeks-title = Sesi pijat per minggu dibanding rencana, { $weeks } minggu terakhir
dash-overview-weeks-note = Kolom: sesi yang diberikan (selesai atau dihentikan). Kotak garis putus-putus: sesi yang direncanakan, dua kali sehari sejak bayi lahir. Tabel di sampingnya memuat angka yang sama.
dash-overview-weeks-chart = Sesi per minggu di Posyandu { $posyandu }: kolom untuk sesi yang diberikan, kotak garis putus-putus untuk yang direncanakan. Angkanya ada di tabel sesudah gambar ini.
dash-overview-weeks-caption = Sesi per minggu, Posyandu { $posyandu }
dash-col-week = Minggu mulai
dash-col-given = Diberikan
dash-col-planned = Direncanakan
dash-alert-kinds-title = Peringatan { $weeks } minggu terakhir menurut jenis
dash-alert-kinds-chart = Jumlah peringatan { $weeks } minggu terakhir menurut jenis, termasuk yang sudah ditangani. Angkanya ada di tabel sesudah gambar ini.
dash-alert-kinds-note = Termasuk peringatan yang sudah ditangani. Daftar lengkapnya ada di halaman Peringatan.
dash-col-alert-kind = Jenis peringatan
dash-col-alerts = Jumlah
dash-kind-danger-sign = Tanda bahaya
dash-kind-pain-stop = Dihentikan: Ibu sakit
dash-kind-safety-stop = Tidak dipijat: cek keamanan
dash-kind-no-milk = Dicatat: ASI tidak ada
dash-kind-critical-row = Pijat tidak aman saat kunjungan
dash-kind-no-visit = Tanpa kunjungan 30 hari
dash-kind-no-session = Tanpa pijat 7 hari
dash-kind-no-sync = Belum sinkron 7 hari

## Gambar di laporan

dash-report-knowledge-chart = Rata-rata skor pengetahuan ayah, tes awal dan tes akhir (0 sampai 100). Angkanya ada di tabel uji pengetahuan.

## Peringatan: bayi diberi selain ASI (feeding.rs)

alert-other-feeding = Bayi diberi selain ASI sebelum 6 bulan: { $given }
alert-other-feeding-do = Yang bisa dilakukan: kader mengunjungi keluarga, menanyakan alasannya dengan ramah (susu formula kadang atas saran dokter), dan mendukung Ibu agar bayi mendapat ASI sebanyak mungkin; bidan dilibatkan jika ASI terasa kurang, bayi sulit menyusu, atau bayi diberi madu (tidak boleh sebelum 1 tahun).
dash-kind-other-feeding = Diberi selain ASI
dash-feeding-title = ASI eksklusif per bulan: bayi 0 sampai 5 bulan yang kemarin hanya diberi ASI
dash-feeding-note = Dari jawaban terakhir setiap bayi dalam bulan itu (ditanyakan kepada Ibu setiap minggu dan oleh kader saat kunjungan). Bayi yang juga diberi obat, vitamin, atau oralit tetap dihitung hanya ASI. Penyebut: bayi yang ditanya, bukan seluruh sasaran bayi. Definisinya sama dengan laporan posyandu.
dash-feeding-chart = Persentase bayi 0 sampai 5 bulan yang kemarin hanya diberi ASI, per bulan, di Posyandu { $posyandu }. Angkanya ada di tabel sesudah gambar ini.
dash-feeding-caption = ASI eksklusif per bulan, Posyandu { $posyandu }
dash-col-month = Bulan
dash-col-babies = Bayi ditanya
dash-col-breast-milk-only = Hanya ASI

## The district's page (Dinas Kesehatan): every puskesmas, counts and rates only.
dash-nav-district = Kabupaten/kota
dash-role-district = dinas kesehatan
dash-account-district-cli = Akun dinas kesehatan membaca puskesmas lain di kabupaten/kota ini, jadi hanya dibuat di server (perintah: account add), bukan di halaman ini.
dash-district-lede = Program di setiap puskesmas { $district }, dari catatan yang sudah disinkronkan. Halaman ini hanya memuat jumlah dan persentase: tidak ada nama keluarga, kader, atau perangkat.
dash-district-caption = Program per puskesmas
dash-district-none = Puskesmas akun ini belum masuk ke sebuah kabupaten/kota. Minta admin server menambahkannya (perintah server: puskesmas district).
dash-district-note = Sesi: 7 hari terakhir dibanding rencana. ASI eksklusif kemarin: bayi di bawah 6 bulan yang ditanya bulan ini, dan di antaranya yang kemarin hanya diberi ASI. ASI eksklusif sejak lahir: bayi yang mencapai 6 bulan dalam bulan ini atau 5 bulan sebelumnya; tidak eksklusif jika tercatat pernah diberi selain ASI sebelum 6 bulan, eksklusif jika di bulan keenam keluarga menjawab hanya ASI sejak lahir; selain itu "tidak diketahui" dan tidak dihitung. Definisinya sama dengan laporan posyandu. Semua angka hanya untuk keluarga yang ikut program ini, bukan seluruh bayi di wilayah puskesmas: jangan dipakai sebagai cakupan ASI eksklusif wilayah.
dash-col-puskesmas = Puskesmas
dash-col-posyandu-count = Posyandu
dash-col-exclusive-yesterday = ASI eksklusif kemarin, bayi di bawah 6 bulan (bulan ini sampai hari ini)
dash-col-exclusive-six-months = ASI eksklusif sejak lahir, di usia 6 bulan
dash-share = { $part } dari { $of }
dash-not-known = { $count } tidak diketahui
dash-district-feeding-chart = Persentase bayi 0 sampai 5 bulan yang kemarin hanya diberi ASI, per bulan, di { $puskesmas }. Angkanya ada di tabel sesudah gambar ini.
dash-district-feeding-caption = ASI eksklusif per bulan, { $puskesmas }
