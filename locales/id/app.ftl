## The app itself

app-title = Ayah ASI — Pendamping Pijat Oksitosin
app-loading = Memuat…

## First start: choose the language

language-title = Pilih bahasa
language-intro = Bahasa dapat diganti kapan saja dari layar utama.
language-name-id = Bahasa Indonesia
language-name-en = English

## Onboarding: the family

onboarding-title = Data keluarga
onboarding-intro = Isi data keluarga Bapak. Data hanya disimpan di perangkat ini.
field-father-name = Nama ayah
field-mother-name = Nama ibu
field-baby-birth-date = Tanggal lahir bayi
field-posyandu = Nama posyandu (boleh dikosongkan)
field-rw = RW (boleh dikosongkan)
field-rt = RT (boleh dikosongkan)
consent-title = Persetujuan ibu
consent-health-data-text = Ibu setuju data kesehatannya (sesi pijat, kenyamanan, kelancaran ASI) dicatat di aplikasi ini untuk pendampingan oleh kader posyandu dan bidan. Data disimpan di perangkat ini dan hanya dibagikan jika keluarga memilih mengirimnya. Ibu dapat meminta data dihapus kapan saja.
consent-agree = Ibu sudah membaca dan setuju
onboarding-save = Simpan
onboarding-saving = Menyimpan…
form-has-errors = Ada isian yang perlu diperbaiki. Lihat pesan merah di bawah kolomnya.

## Home

home-greeting = Selamat datang, Pak { $name }!
home-baby-age = Usia bayi: { $days } hari
home-family = Keluarga Pak { $father } dan Bu { $mother }
home-posyandu = Posyandu { $posyandu }
home-language = Bahasa

## Calendar

month-january = Januari
month-february = Februari
month-march = Maret
month-april = April
month-may = Mei
month-june = Juni
month-july = Juli
month-august = Agustus
month-september = September
month-october = Oktober
month-november = November
month-december = Desember
date-day = Tanggal
date-month = Bulan
date-year = Tahun
