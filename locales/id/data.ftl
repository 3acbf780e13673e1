# When the database cannot be opened.
problem-title = Data tidak dapat dibuka
problem-read-only = Folder data tidak dapat ditulisi (hanya-baca). Aplikasi tidak dapat menyimpan apa pun di sana.
problem-disk-full = Penyimpanan perangkat penuh. Kosongkan sedikit ruang (hapus foto atau video), lalu tekan "Coba lagi".
problem-damaged = Berkas data rusak atau bukan berkas Ayah ASI. Berkas itu tidak dihapus.
problem-newer-version = Data ini dibuat oleh versi Ayah ASI yang lebih baru. Perbarui aplikasi, lalu buka lagi.
problem-other = Berkas data tidak dapat dibuka.
problem-folder = Folder data: { $folder }
problem-detail = Keterangan teknis: { $detail }
problem-retry = Coba lagi
problem-save-copy = Simpan salinan data
problem-copy-saved = Salinan tersimpan: { $file }
problem-start-fresh = Mulai baru (data lama disimpan)
problem-start-fresh-warning = Berkas data lama dipindahkan ke folder "unreadable-…" di { $folder } dan tidak dihapus. Aplikasi lalu mulai dengan data kosong.
problem-start-fresh-confirm = Ya, mulai baru
problem-set-aside = Data lama disimpan di { $folder }.

# Backups.
backup-title = Cadangan data
backup-intro = Aplikasi membuat cadangan setiap hari dan sebelum setiap pembaruan, dan menyimpan 7 yang terbaru di perangkat ini.
backup-now = Buat cadangan sekarang
backup-made = Cadangan dibuat.
backup-none = Belum ada cadangan.
backup-restore = Pulihkan
backup-restore-warning = Data sekarang diganti dengan cadangan ini (data sekarang dicadangkan dulu).
backup-restore-confirm = Ya, pulihkan
backup-restored = Data dipulihkan dari cadangan { $date }.
backup-reason-daily = harian
backup-reason-before-migration = sebelum pembaruan
backup-reason-before-restore = sebelum pemulihan
backup-reason-manual = dibuat sendiri
backup-reason-after-deletion = setelah penghapusan

# The family's own data.
my-data-title = Data milik keluarga
my-data-intro = Keluarga berhak mengunduh semua data yang disimpan tentang mereka, atau menghapus semuanya.
my-data-intro-download = Keluarga berhak mengunduh semua data yang disimpan tentang mereka.
my-data-json = Unduh semua data (JSON)
my-data-csv = Unduh semua data (CSV)
my-data-saved = Tersimpan: { $records } catatan dalam { $files } berkas.
my-data-delete = Hapus semua data keluarga
my-data-delete-warning = Semua data keluarga di HP ini, juga cadangan lama, dihapus dan tidak dapat dikembalikan: data keluarga, sesi pijat, penilaian Ibu, status ASI, kunjungan dan hasil tes. HP ini tidak tersambung ke server, jadi salinan di HP kader atau di server puskesmas tetap ada: minta kader atau bidan di puskesmas menghapusnya.
my-data-delete-warning-paired = Semua data keluarga ini akan dihapus dan tidak dapat dikembalikan: di HP ini sekarang (juga cadangan lama), lalu di server puskesmas, dan di HP kader saat HP itu tersambung. Jika HP ini sedang tidak tersambung internet, permintaan hapus dikirim otomatis saat tersambung. Berkas yang pernah dikirim lewat WhatsApp tidak terjangkau server: minta kader menghapusnya.
my-data-delete-confirm = Ya, hapus semuanya
my-data-deleting = Menghapus…
my-data-deleted-not-asked = { $records } catatan dihapus dari HP ini.
my-data-deleted-sent = { $records } catatan dihapus dari HP ini. Server puskesmas sudah menghapus data keluarga ini; HP lain yang menyimpannya menghapus salinannya saat tersambung.
my-data-deleted-waiting = { $records } catatan dihapus dari HP ini. HP ini belum dapat menghubungi server puskesmas: permintaan hapus terkirim sendiri saat ada internet. Sampai itu, jangan hapus aplikasi ini dan jangan lepas sambungannya ke server puskesmas.
my-data-deleted-continue = Lanjut
remove-family-title = Hapus keluarga ini
remove-family-intro = Pilih sesuai keadaan; keduanya memerlukan PIN kader.
remove-family-here = Hanya dari HP ini (keluarga pindah)
remove-family-server = Juga dari server puskesmas (permintaan Ibu)
remove-family-here-warning = Data keluarga ini dihapus dari HP ini saja dan tidak dapat dikembalikan di HP ini: data keluarga, sesi pijat, penilaian Ibu, status ASI, kunjungan dan hasil tes; cadangan lama juga dihapus. Data di server puskesmas dan di HP keluarga tetap ada, dan catatan baru keluarga ini tidak masuk lagi ke HP ini. Minta puskesmas memindahkan keluarga ini ke kader barunya.
remove-family-server-warning = Hanya atas permintaan Ibu. Data keluarga ini dihapus dari HP ini sekarang, lalu dari server puskesmas, lalu dari HP keluarga jika tersambung; tidak dapat dikembalikan. Jika HP ini sedang tidak ada internet, permintaan hapus terkirim sendiri saat tersambung. Berkas keluarga ini di WhatsApp perlu dihapus sendiri.
remove-family-confirm = Hapus
