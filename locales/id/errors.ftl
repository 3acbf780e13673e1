## Errors: each id is a code the Rust side sends

error-invalid-input = Ada isian yang belum benar.
error-unsupported-language = Bahasa "{ $language }" tidak tersedia.
error-family-exists = Perangkat ini sudah menyimpan data keluarga.
error-storage = Data tidak dapat disimpan di perangkat ini. Detail: { $detail }
error-internal = Terjadi kesalahan di aplikasi. Coba lagi. Detail: { $detail }
error-unknown = Terjadi kesalahan yang tidak dikenal.
error-field-required = Wajib diisi.
error-text-too-long = Terlalu panjang: paling banyak { $max } huruf.
error-text-control-chars = Ada karakter yang tidak dapat dipakai.
error-date-invalid = Tanggal tidak valid.
error-birth-date-future = Tanggal lahir tidak boleh setelah hari ini.
error-birth-date-too-old = Tanggal lahir paling lama { $years } tahun yang lalu.
error-rw-rt-number = Isi dengan angka saja, paling banyak { $max } angka.
error-consent-required = Persetujuan ibu diperlukan untuk mencatat data kesehatannya.
error-no-family = Isi data keluarga dulu.
error-session-not-found = Sesi pijat tidak ditemukan.
error-session-not-preparing = Sesi pijat ini sudah dimulai atau sudah selesai.
error-session-busy = Masih ada sesi pijat yang berjalan.
error-no-active-session = Tidak ada sesi pijat yang sedang berjalan.
error-session-state = Langkah ini tidak bisa dilakukan sekarang.
error-preparation-incomplete = Centang dulu semua persiapan ({ $count } lagi).
error-unknown-protocol-item = Pilihan "{ $item }" tidak dikenal.
error-too-late-to-resume = Pijat tadi sudah terlalu lama untuk dilanjutkan.
error-pass-length-range = Lama satu putaran 1 sampai 5 menit.
error-passes-range = Jumlah putaran 1 sampai 5.
