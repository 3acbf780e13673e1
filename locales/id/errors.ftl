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
