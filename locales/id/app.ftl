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
field-expected-birth-date = Perkiraan tanggal lahir (HPL)
field-birth-status = Bayi
field-born = Bayi sudah lahir
field-pregnant = Ibu masih hamil
field-posyandu = Nama posyandu (boleh dikosongkan)
field-rw = RW (boleh dikosongkan)
field-rt = RT (boleh dikosongkan)
consent-title = Persetujuan Ibu
consent-intro = Bu, aplikasi ini mencatat data Ibu dan keluarga untuk pendampingan pijat oksitosin. Penanggung jawab data ini adalah puskesmas wilayah posyandu Ibu. Mohon Ibu baca sendiri, lalu putuskan.
consent-kept = Yang dicatat: nama Bapak dan Ibu; tanggal lahir bayi (atau perkiraan lahir); umur, pendidikan, dan kelahiran ke berapa; setiap sesi pijat dan jawaban Ibu (kenyamanan, ASI, nyeri); produksi ASI; makanan dan minuman bayi (setiap minggu: apa saja yang diberikan kemarin, misalnya ASI, air putih, susu formula, obat atau vitamin; dan sekali: apakah sejak lahir pernah diberi selain ASI, dan tanggal pertama kali); hasil tes pengetahuan; dan kunjungan kader.
consent-why = Untuk apa: agar kader dan bidan dapat mendampingi Bapak memijat, memperhatikan tanda bahaya, dan membuat laporan program ASI eksklusif. Jika bayi diberi selain ASI sebelum 6 bulan, kader akan berkunjung untuk membantu, bukan untuk menyalahkan.
consent-who = Yang membaca nama dan catatan: kader keluarga ini; di server, bidan posyandu Ibu dan petugas puskesmas. Admin server hanya melihat jumlah, tetapi dapat menyambungkan HP dan membuat akun yang membaca nama. Semua itu, dan setiap HP yang mengambil data, tercatat. Laporan hanya berisi jumlah, tanpa nama keluarga. Dinas kesehatan kabupaten/kota hanya melihat jumlah dan persentase per puskesmas.
consent-how-long = Berapa lama: di server puskesmas paling lama satu tahun setelah catatan terakhir keluarga, lalu dihapus otomatis dan tidak dihitung lagi dalam laporan. Di HP, sampai dihapus.
consent-where = Di mana disimpan: di HP ini; di HP kader, jika kader mendaftarkan keluarga ini, Ibu mengirim berkas kepadanya, atau HP kader tersambung ke server; dan di server puskesmas, setelah HP ini atau HP kader tersambung ke server.
consent-rights = Hak Ibu: Ibu boleh mengunduh data, menarik persetujuan, dan menghapus semua data kapan saja di "Data milik keluarga", atau meminta kader atau bidan di puskesmas. Jika HP ini tersambung ke server, data di server dan di HP kader ikut terhapus. Berkas yang dikirim lewat WhatsApp tidak ikut terhapus: minta kader menghapusnya. Jika Ibu tidak setuju, layanan untuk Ibu dan bayi tetap sama.
consent-question = Apakah Ibu setuju data ini dicatat dan disimpan seperti di atas?
consent-yes = Ya, saya setuju
consent-no = Tidak setuju
consent-handover-text = Ibu yang membaca dan memutuskan sendiri. Bapak berikan HP kepada Ibu.
consent-declined-title = Tidak apa-apa, Bu
consent-declined-text = Tanpa persetujuan Ibu, aplikasi tidak menyimpan data keluarga. Isian tadi masih ada jika Ibu berubah pikiran.
consent-back-to-form = Kembali ke data keluarga
consent-renew-title = Teks persetujuan yang baru
consent-renew-intro = Teks persetujuan sudah diubah. Yang baru: aplikasi juga mencatat makanan dan minuman bayi, yang ditanyakan seminggu sekali. Data keluarga juga disimpan di server puskesmas (komputer penyimpan data di puskesmas); penanggung jawab data ini adalah puskesmas wilayah posyandu Ibu. Teks ini menjelaskan siapa yang membacanya, berapa lama, dan cara menghapusnya. Mohon Ibu baca lagi, lalu putuskan. Sampai Ibu setuju, tidak ada data baru yang dikirim ke server; data yang sudah pernah dikirim tetap di sana.
consent-renew-declined = Tidak ada data baru yang dikirim ke server puskesmas. Aplikasi ini tidak dapat dipakai sampai Ibu setuju, tetapi pelayanan kader, bidan, dan puskesmas untuk Ibu dan bayi tetap sama. Data yang sudah pernah dikirim tetap di server dan dihapus otomatis paling lama satu tahun setelah catatan terakhir. Jika Ibu ingin semua data dihapus sekarang, buka "Data milik keluarga" di bawah dan pilih "Hapus semua data keluarga": di sana tertulis apa saja yang ikut terhapus. Ibu juga dapat menjawab lagi nanti.
consent-renew-declined-cadre = Data keluarga ini tidak dikirim lagi ke server. Jika Ibu ingin datanya dihapus, buka "Data milik keluarga" di ringkasan keluarga: hapus dari HP ini saja, atau juga dari server puskesmas (jika HP ini tersambung ke server).
consent-back-to-review = Kembali ke ringkasan keluarga
consent-ask-again = Tanya lagi
onboarding-next = Lanjut: persetujuan Ibu
onboarding-save = Simpan
onboarding-saving = Menyimpan…
form-has-errors = Ada isian yang perlu diperbaiki. Lihat pesan merah di bawah kolomnya.

## Home

home-greeting = Selamat datang, Pak { $name }!
home-baby-age = Usia bayi: { $days } hari
home-expected-birth = Perkiraan lahir: { $date }
home-massage-locked-title = Pijat oksitosin dimulai setelah bayi lahir
home-massage-locked-why = Pijat ini membantu ASI keluar setelah bayi lahir. Selama hamil, Ibu tidak dipijat oksitosin karena pijat ini merangsang keluarnya hormon oksitosin, yang dapat memicu kontraksi rahim sebelum waktunya. Sambil menunggu, Bapak bisa membaca materinya, mengerjakan tes, dan melihat gambar cara memijat.
home-past-hpl = Sudah lewat HPL dan bayi belum lahir: periksakan Ibu ke bidan dalam 1–2 hari ini. Jika gerakan bayi berkurang, bawa Ibu ke bidan atau puskesmas sekarang.
home-anc = Antar Ibu periksa hamil paling sedikit 6 kali, 2 kali di antaranya ke dokter, dan bawa Buku KIA.
home-pregnancy-danger-title = Tanda bahaya saat hamil
home-pregnancy-danger = Bawa Ibu ke bidan atau puskesmas sekarang jika ada: perdarahan dari jalan lahir; air ketuban keluar sebelum waktunya; gerakan janin berkurang atau tidak terasa; sakit kepala hebat, pandangan kabur, kejang, atau bengkak di wajah dan tangan; demam tinggi; muntah terus dan tidak bisa makan; perut sangat sakit; sesak napas atau nyeri dada; mulas teratur sebelum usia kehamilan 9 bulan.
home-record-birth = Bayi sudah lahir
record-birth-title = Catat kelahiran bayi
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
posko-next = Posko berikutnya: { $date }, { $from }–{ $to }, { $place }
posko-none = Jadwal posko Ayah ASI belum diterima. Jadwal datang dari kader lewat berkas atau sinkron berikutnya.
posko-cadre = Kader: { $cadre }
posko-cadre-contact = Kader: { $cadre } · Hubungi: { $contact }
posko-question-label = Catat pertanyaan untuk ditanyakan di posko
posko-question-hint = Untuk pertanyaan biasa. Tanda bahaya tidak boleh menunggu jadwal posko.
posko-ask = Simpan pertanyaan
posko-question-saved = Pertanyaan tersimpan. Kader baru melihatnya setelah Bapak mengirim berkas ke kader. Jika Ibu atau bayi menunjukkan tanda bahaya, jangan menunggu posko: bawa Ibu atau bayi ke bidan atau puskesmas sekarang.
