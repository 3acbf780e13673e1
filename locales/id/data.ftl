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
my-data-json = Unduh semua data (JSON)
my-data-csv = Unduh semua data (CSV)
my-data-saved = Tersimpan: { $records } catatan dalam { $files } berkas.
my-data-delete = Hapus semua data keluarga
my-data-delete-warning = Semua data keluarga ini di perangkat ini akan dihapus dan tidak dapat dikembalikan: data keluarga, sesi pijat, penilaian ibu, status ASI, kunjungan dan hasil tes. Cadangan lama juga dihapus. Data yang sudah dikirim ke kader tetap ada di perangkat kader sampai kader menghapusnya.
my-data-delete-confirm = Ya, hapus semuanya
my-data-deleted = { $records } catatan dihapus.
