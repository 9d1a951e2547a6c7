"""Application inventory of a fictional city government with planted overlaps (``inventaris_aplikasi``).

One row per application of "Pemerintah Kota Contoh": code, name, owner agency (OPD), a short
function description as the agency's own staff wrote it, the data it holds, the kind of service
(government administration or public), who uses it, how many user accounts it has, the year it
was built and whether it is still used. Every application is invented; some names follow the
naming habits of Indonesian local governments and may coincide with generic names used
elsewhere, but none describes a real product.

Ten groups of two to four applications owned by different agencies do the same job
(complaints, attendance and performance, correspondence, queues, dashboards, ...). Their
descriptions were written in different words on purpose: some share many words, some use
synonyms ("keluhan" for "pengaduan", "naskah dinas" for "surat"), and several applications that
do *not* overlap share generic words ("sistem informasi", "data", "laporan", "kinerja",
"izin"). So a TF-IDF cosine similarity over ``fungsi`` finds many overlaps but not all, and
also raises a few false alarms. ``klaster_tumpang_tindih`` is the answer key: the planted group,
empty for applications without a twin.

The hand-written rows are fixed; only the user counts, the build years, the statuses and the
row order are drawn, from one ``numpy.random.default_rng(seed)`` in a fixed order (no
``hash()``, set iteration, clock or global random state). In each group the city-wide
application is usually newer and active, the agencies' own copies are older and more often
rarely used or abandoned.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

SEED = 20251128

ADM = "administrasi pemerintahan"
PUB = "publik"
INT, LINTAS, WARGA = "internal OPD", "lintas OPD", "masyarakat"

# (name, owner, function, data held, kind of service, users, overlap group, role)
# role: "utama" = the city-wide application of its group, "lokal" = an agency's own copy
APPS = [
    # ---- complaints ------------------------------------------------------------------
    ("LaporWarga", "Dinas Komunikasi dan Informatika",
     "Kanal pengaduan masyarakat terpadu tingkat kota. Warga menyampaikan aduan, saran dan "
     "keluhan tentang pelayanan publik lewat aplikasi ponsel atau situs web, lalu aduan "
     "diteruskan ke OPD terkait untuk ditindaklanjuti.",
     "identitas pelapor; isi aduan; foto lokasi; status tindak lanjut", PUB, WARGA,
     "pengaduan", "utama"),
    ("SiAduan", "Inspektorat Daerah",
     "Menerima pengaduan masyarakat tentang pelayanan publik yang buruk, pungutan liar dan "
     "penyalahgunaan wewenang aparatur. Aduan diverifikasi, lalu ditindaklanjuti dengan "
     "pemeriksaan bila perlu.",
     "identitas pelapor; laporan pengaduan; hasil pemeriksaan", PUB, WARGA, "pengaduan", "lokal"),
    ("Suara Pasien", "RSUD Kota Contoh",
     "Wadah bagi pasien dan keluarganya untuk menyampaikan keluhan, saran dan kritik atas "
     "pelayanan rumah sakit lewat aplikasi. Keluhan dijawab oleh unit humas paling lambat tiga "
     "hari kerja.",
     "nama dan nomor kontak pasien; keluhan; jawaban humas", PUB, WARGA, "pengaduan", "lokal"),
    ("Halo Camat", "Kecamatan Contoh Utara",
     "bot WA utk warga melapor masalah di wilayah kecamatan spt sampah numpuk, jalan rusak, "
     "lampu jalan mati. laporan direkap operator kecamatan tiap minggu",
     "nomor WA pelapor; laporan warga; foto", PUB, WARGA, "pengaduan", "lokal"),
    # ---- attendance and performance -------------------------------------------------
    ("e-Kinerja", "Badan Kepegawaian dan Pengembangan SDM",
     "Mencatat sasaran kerja dan realisasi aktivitas harian ASN beserta penilaian atasan "
     "langsung. Nilai kinerja pegawai menjadi dasar perhitungan tambahan penghasilan pegawai.",
     "data pegawai; sasaran kinerja pegawai; aktivitas harian; nilai kinerja", ADM, LINTAS,
     "kehadiran-kinerja", "utama"),
    ("SiHadir Guru", "Dinas Pendidikan",
     "Presensi guru dan tenaga kependidikan berbasis lokasi GPS dan swafoto dari ponsel. "
     "Rekap kehadiran bulanan dikirim otomatis ke kepala sekolah dan dipakai untuk tunjangan.",
     "data guru; jam datang dan pulang; titik lokasi; swafoto", ADM, INT,
     "kehadiran-kinerja", "lokal"),
    ("Absensi Online Dinkes", "Dinas Kesehatan",
     "absensi / kehadiran pegawai dinkes & puskesmas pakai HP, sekalian isi aktivitas harian "
     "pegawai utk penilaian kinerja & dasar tambahan penghasilan pegawai (TPP)",
     "data pegawai; absensi; laporan kegiatan harian", ADM, INT, "kehadiran-kinerja", "lokal"),
    # ---- correspondence -------------------------------------------------------------
    ("e-Surat", "Sekretariat Daerah - Bagian Umum",
     "Pengelolaan surat masuk dan surat keluar di lingkungan Sekretariat Daerah, termasuk "
     "disposisi pimpinan dan penomoran surat secara otomatis.",
     "surat masuk; surat keluar; disposisi; nomor agenda", ADM, LINTAS, "persuratan", "utama"),
    ("SiNADI", "Badan Perencanaan Pembangunan Daerah",
     "Tata naskah dinas elektronik di Bappeda. Konsep nota dinas dan undangan dibuat di "
     "aplikasi, diparaf berjenjang, kemudian ditandatangani secara elektronik oleh kepala badan.",
     "naskah dinas; paraf dan tanda tangan elektronik; riwayat koreksi", ADM, INT,
     "persuratan", "lokal"),
    ("SIDISPO", "Dinas Pekerjaan Umum dan Penataan Ruang",
     "Aplikasi untuk mencatat surat masuk yang diterima dinas, penomoran agenda surat keluar, "
     "dan meneruskan disposisi kepala dinas ke bidang-bidang tanpa kertas.",
     "agenda surat; lembar disposisi; lampiran hasil pindai", ADM, INT, "persuratan", "lokal"),
    # ---- child growth and health at posyandu -----------------------------------------
    ("Sistem Informasi Posyandu", "Dinas Kesehatan",
     "Pencatatan hasil penimbangan dan pengukuran balita di posyandu oleh kader, penentuan "
     "status gizi, serta cakupan imunisasi dasar per kelurahan.",
     "data balita; berat dan tinggi badan; status gizi; imunisasi", PUB, LINTAS,
     "kesehatan-balita", "utama"),
    ("e-Cegah Stunting", "Dinas Pemberdayaan Perempuan, Perlindungan Anak dan KB",
     "Tim pendamping keluarga mencatat keluarga berisiko stunting, ibu hamil, dan hasil "
     "penimbangan balita di posyandu setiap bulan untuk tiap kelurahan.",
     "data keluarga; ibu hamil; baduta; berat badan bulanan", PUB, LINTAS,
     "kesehatan-balita", "lokal"),
    # ---- business permits -----------------------------------------------------------
    ("e-Perizinan", "Dinas Penanaman Modal dan PTSP",
     "Pelayanan perizinan berusaha dan non-berusaha secara daring, dari pengajuan permohonan, "
     "verifikasi berkas, sampai penerbitan izin bertanda tangan elektronik.",
     "data pemohon; berkas persyaratan; izin yang terbit", PUB, WARGA, "perizinan-usaha", "utama"),
    ("SIDAGO", "Dinas Perdagangan",
     "Pedagang mengajukan permohonan izin usaha di pasar milik pemerintah kota dan "
     "memperpanjangnya secara daring; setelah berkas diverifikasi, izin dicetak di kantor dinas.",
     "data pedagang; nomor kios; masa berlaku izin", PUB, WARGA, "perizinan-usaha", "lokal"),
    # ---- dashboards -----------------------------------------------------------------
    ("Dashboard Eksekutif", "Dinas Komunikasi dan Informatika",
     "Menampilkan ringkasan data strategis kota (kependudukan, keuangan, aduan, layanan) dalam "
     "bentuk grafik untuk Wali Kota dan pimpinan daerah.",
     "ringkasan data dari aplikasi OPD; indikator strategis", ADM, LINTAS, "dasbor", "utama"),
    ("SIGAP Pembangunan", "Badan Perencanaan Pembangunan Daerah",
     "Menampilkan capaian indikator pembangunan daerah seperti IPM, kemiskinan dan "
     "pengangguran dalam bentuk peta dan grafik untuk pimpinan. Datanya diinput manual oleh "
     "staf Bappeda tiap triwulan.",
     "indikator makro pembangunan; target dan realisasi", ADM, LINTAS, "dasbor", "lokal"),
    ("Papan Kinerja OPD", "Sekretariat Daerah - Bagian Organisasi",
     "layar pantau capaian program dan serapan anggaran per OPD, ditayangkan di ruang rapat "
     "waktu evaluasi bulanan pimpinan",
     "capaian program; realisasi anggaran per OPD", ADM, LINTAS, "dasbor", "lokal"),
    # ---- poor households ------------------------------------------------------------
    ("SIWAPRA", "Dinas Sosial",
     "Pengelolaan data keluarga miskin dan rentan sebagai dasar penyaluran bantuan sosial "
     "daerah. Usulan keluarga baru masuk dari kelurahan dan diverifikasi petugas dinas.",
     "data keluarga; NIK; kondisi ekonomi; riwayat bantuan", PUB, LINTAS,
     "data-kemiskinan", "utama"),
    ("SIPEKA", "Sekretariat Daerah - Bagian Kesejahteraan Rakyat",
     "Basis data keluarga miskin calon penerima santunan dan bantuan biaya pendidikan yang "
     "dikelola Bagian Kesra sendiri; memuat penghasilan dan kondisi rumah.",
     "NIK; penghasilan; kondisi rumah; santunan yang diterima", PUB, INT,
     "data-kemiskinan", "lokal"),
    # ---- goods and assets -----------------------------------------------------------
    ("SIMBADA", "Badan Pengelola Keuangan dan Aset Daerah",
     "Penatausahaan barang milik daerah: pencatatan perolehan, mutasi, penghapusan dan "
     "penyusutan aset seluruh OPD.",
     "kartu inventaris barang; mutasi aset; nilai buku", ADM, LINTAS, "aset-barang", "utama"),
    ("Inventaris Barang Dinkes", "Dinas Kesehatan",
     "pencatatan barang milik dinas & puskesmas (alat kesehatan, kendaraan, peralatan kantor) "
     "beserta kondisinya baik/rusak ringan/rusak berat. dibuat karena laporan aset ke BPKAD "
     "sering terlambat",
     "daftar alat kesehatan; kendaraan dinas; kondisi barang", ADM, INT, "aset-barang", "lokal"),
    # ---- open data ------------------------------------------------------------------
    ("Portal Satu Data Kota", "Dinas Komunikasi dan Informatika",
     "Portal data terbuka tempat setiap OPD mengunggah dataset sektoral beserta metadatanya "
     "agar bisa dicari dan diunduh oleh publik.",
     "dataset sektoral; metadata; riwayat unduhan", PUB, WARGA, "portal-data", "utama"),
    ("Kota Contoh dalam Tabel", "Badan Perencanaan Pembangunan Daerah",
     "Menyajikan data statistik sektoral hasil kompilasi dari dinas-dinas, yang dulu hanya "
     "terbit sebagai buku tahunan. Tabelnya bisa diunduh publik dalam format Excel.",
     "tabel statistik sektoral tahunan", PUB, WARGA, "portal-data", "lokal"),
    # ---- queues ---------------------------------------------------------------------
    ("Antrean MPP", "Dinas Penanaman Modal dan PTSP",
     "Pengambilan nomor antrean dan pemesanan jadwal kedatangan untuk semua loket di Mal "
     "Pelayanan Publik, termasuk loket instansi vertikal.",
     "identitas pemohon; jenis layanan; jadwal kunjungan", PUB, WARGA, "antrean", "utama"),
    ("e-Antre Dukcapil", "Dinas Kependudukan dan Pencatatan Sipil",
     "Warga mengambil nomor antrean dan memesan jam kedatangan untuk perekaman KTP-el, "
     "pengurusan KK dan akta supaya tidak menumpuk di kantor dinas.",
     "NIK; jenis dokumen; jam datang", PUB, WARGA, "antrean", "lokal"),

    # ---- applications without a twin -----------------------------------------------
    ("SIMPEG", "Badan Kepegawaian dan Pengembangan SDM",
     "Sistem informasi manajemen kepegawaian yang menyimpan riwayat jabatan, pangkat, "
     "pendidikan, mutasi dan pensiun seluruh pegawai.",
     "data pegawai; riwayat jabatan; riwayat pangkat; pendidikan", ADM, LINTAS, None, None),
    ("SAKIP Online", "Sekretariat Daerah - Bagian Organisasi",
     "Penyusunan dokumen akuntabilitas kinerja instansi: perjanjian kinerja, indikator kinerja "
     "utama, dan laporan kinerja tahunan setiap OPD.",
     "perjanjian kinerja; indikator kinerja utama; laporan kinerja", ADM, LINTAS, None, None),
    ("Aplikasi TPP", "Badan Pengelola Keuangan dan Aset Daerah",
     "Menghitung besaran tambahan penghasilan pegawai setiap bulan dari nilai kinerja dan "
     "potongan ketidakhadiran yang dikirim BKPSDM, lalu membuat daftar pembayarannya.",
     "data pegawai; nilai kinerja; potongan; daftar bayar", ADM, LINTAS, None, None),
    ("SIPD Lokal", "Badan Perencanaan Pembangunan Daerah",
     "Perencanaan dan penganggaran daerah: RKPD, rencana kerja OPD dan RKA disusun di sini "
     "sebelum disinkronkan ke sistem nasional.",
     "program dan kegiatan; pagu anggaran; rencana kerja", ADM, LINTAS, None, None),
    ("SiKeuDa", "Badan Pengelola Keuangan dan Aset Daerah",
     "Penatausahaan keuangan daerah mulai dari SPP, SPM, SP2D, pembukuan, sampai penyusunan "
     "laporan keuangan pemerintah daerah.",
     "dokumen pencairan; jurnal; laporan keuangan", ADM, LINTAS, None, None),
    ("e-Pajak Daerah", "Badan Pendapatan Daerah",
     "wajib pajak hotel, restoran, hiburan dan parkir melaporkan omzet dan membayar pajaknya "
     "sendiri secara online (self assessment)",
     "data wajib pajak; laporan omzet; pembayaran", PUB, WARGA, None, None),
    ("PBB Online", "Badan Pendapatan Daerah",
     "Cek tagihan dan riwayat pembayaran PBB-P2, cetak SPPT, dan ajukan keberatan atas "
     "ketetapan pajak bumi dan bangunan.",
     "objek pajak; NOP; tagihan; pembayaran", PUB, WARGA, None, None),
    ("e-Retribusi Pasar", "Dinas Perdagangan",
     "Penarikan retribusi harian kios dan los pasar memakai kartu dan QRIS, sehingga setoran "
     "petugas pasar bisa direkonsiliasi setiap hari.",
     "data pedagang; nomor kios; setoran retribusi", PUB, WARGA, None, None),
    ("SIMPUS", "Dinas Kesehatan",
     "Pendaftaran pasien, rekam medis elektronik, resep dan laporan bulanan puskesmas.",
     "data pasien; rekam medis; resep; diagnosis", PUB, LINTAS, None, None),
    ("SIMRS", "RSUD Kota Contoh",
     "Sistem informasi manajemen rumah sakit: pendaftaran, rawat jalan, rawat inap, farmasi, "
     "kasir dan klaim BPJS.",
     "data pasien; rekam medis; tagihan; klaim", PUB, INT, None, None),
    ("PPDB Online", "Dinas Pendidikan",
     "Pendaftaran peserta didik baru SD dan SMP negeri melalui jalur zonasi, afirmasi, "
     "perpindahan tugas orang tua dan prestasi, lengkap dengan pengumuman hasil seleksi.",
     "data calon siswa; nilai; titik rumah; hasil seleksi", PUB, WARGA, None, None),
    ("e-Rapor Sekolah", "Dinas Pendidikan",
     "guru mengisi nilai harian & nilai akhir semester, rapor dicetak dari aplikasi",
     "data siswa; nilai; rapor", ADM, INT, None, None),
    ("Beasiswa Kota Contoh", "Dinas Pendidikan",
     "Pendaftaran dan seleksi beasiswa prestasi untuk pelajar dan mahasiswa asal kota, "
     "termasuk unggah berkas dan pengumuman penerima.",
     "data pendaftar; nilai akademik; berkas prestasi", PUB, WARGA, None, None),
    ("Perpustakaan Digital", "Dinas Perpustakaan dan Kearsipan",
     "Katalog koleksi perpustakaan kota dan peminjaman buku elektronik untuk anggota.",
     "data anggota; katalog; riwayat pinjam", PUB, WARGA, None, None),
    ("e-Arsip", "Dinas Perpustakaan dan Kearsipan",
     "Menyimpan arsip inaktif dan arsip statis hasil alih media dari seluruh perangkat daerah, "
     "lengkap dengan jadwal retensi dan usul musnah.",
     "daftar arsip; berkas hasil pindai; jadwal retensi", ADM, LINTAS, None, None),
    ("JDIH Kota Contoh", "Sekretariat Daerah - Bagian Hukum",
     "Jaringan dokumentasi dan informasi hukum: peraturan daerah, peraturan wali kota dan "
     "keputusan wali kota yang bisa dicari dan diunduh.",
     "produk hukum daerah; abstrak; status berlaku", PUB, WARGA, None, None),
    ("PPID Online", "Dinas Komunikasi dan Informatika",
     "Layanan permohonan informasi publik dan pengajuan keberatan sesuai UU Keterbukaan "
     "Informasi Publik, beserta daftar informasi publik.",
     "data pemohon; permohonan informasi; keputusan PPID", PUB, WARGA, None, None),
    ("Website Resmi Pemkot", "Dinas Komunikasi dan Informatika",
     "Situs resmi pemerintah kota berisi berita, pengumuman, agenda dan profil perangkat daerah.",
     "berita; pengumuman; profil OPD", PUB, WARGA, None, None),
    ("e-Musrenbang", "Badan Perencanaan Pembangunan Daerah",
     "Usulan pembangunan dari RT, kelurahan dan kecamatan diinput dan dibahas berjenjang "
     "dalam musyawarah perencanaan pembangunan.",
     "usulan kegiatan; lokasi; hasil musrenbang", ADM, LINTAS, None, None),
    ("e-Monev", "Badan Perencanaan Pembangunan Daerah",
     "OPD melaporkan realisasi fisik dan keuangan setiap kegiatan per bulan; Bappeda memberi "
     "catatan bila realisasinya tertinggal.",
     "realisasi fisik; realisasi keuangan; kendala kegiatan", ADM, LINTAS, None, None),
    ("Helpdesk TIK", "Dinas Komunikasi dan Informatika",
     "Tiket laporan gangguan jaringan internet, email dinas dan aplikasi dari OPD, dipantau "
     "sampai selesai ditangani teknisi.",
     "tiket gangguan; OPD pelapor; waktu penyelesaian", ADM, LINTAS, None, None),
    ("SIM Aset TIK", "Dinas Komunikasi dan Informatika",
     "Daftar server, perangkat jaringan, lisensi perangkat lunak dan aplikasi milik OPD "
     "sebagai bahan arsitektur dan peta rencana SPBE.",
     "perangkat TIK; lisensi; daftar aplikasi", ADM, LINTAS, None, None),
    ("Call Center 112", "Dinas Komunikasi dan Informatika",
     "Layanan panggilan darurat bebas pulsa; operator meneruskan panggilan ke pemadam "
     "kebakaran, ambulans, polisi atau BPBD.",
     "rekaman panggilan; jenis kejadian; lokasi", PUB, WARGA, None, None),
    ("SiagaBencana", "Badan Penanggulangan Bencana Daerah",
     "Laporan kejadian banjir, longsor dan kebakaran lahan dari masyarakat dan relawan, serta "
     "penyebaran peringatan dini ke kelurahan.",
     "laporan kejadian; titik lokasi; korban dan kerusakan", PUB, WARGA, None, None),
    ("SIM Damkar", "Dinas Pemadam Kebakaran dan Penyelamatan",
     "Pencatatan kejadian kebakaran dan penyelamatan, armada yang dikerahkan, serta waktu "
     "tanggap.",
     "kejadian; armada; waktu tanggap", ADM, INT, None, None),
    ("SIM Parkir", "Dinas Perhubungan",
     "pengelolaan titik parkir tepi jalan, juru parkir, dan setoran retribusi parkir harian",
     "titik parkir; juru parkir; setoran", ADM, INT, None, None),
    ("e-Uji KIR", "Dinas Perhubungan",
     "Pendaftaran uji berkala kendaraan angkutan barang dan penumpang, jadwal uji, dan hasil "
     "uji kelaikan.",
     "data kendaraan; pemilik; hasil uji", PUB, WARGA, None, None),
    ("Info Trayek", "Dinas Perhubungan",
     "Peta rute angkutan kota, lokasi halte dan perkiraan jam lewat bus sekolah.",
     "rute; halte; jadwal", PUB, WARGA, None, None),
    ("CCTV Kota", "Dinas Komunikasi dan Informatika",
     "Menampilkan siaran kamera pengawas di persimpangan dan ruang publik untuk ruang kendali "
     "kota; sebagian kamera bisa dilihat warga.",
     "rekaman video; lokasi kamera", PUB, LINTAS, None, None),
    ("Bank Sampah Digital", "Dinas Lingkungan Hidup",
     "Nasabah bank sampah menimbang sampah terpilah, lalu saldo tabungannya tercatat dan bisa "
     "dicek lewat aplikasi.",
     "data nasabah; berat sampah; saldo", PUB, WARGA, None, None),
    ("SI Angkut Sampah", "Dinas Lingkungan Hidup",
     "Jadwal dan rute truk pengangkut sampah, pelacakan GPS armada, dan tonase yang masuk ke "
     "TPA.",
     "jadwal angkut; posisi armada; tonase", ADM, INT, None, None),
    ("Pantau Kualitas Air", "Dinas Lingkungan Hidup",
     "hasil uji lab kualitas air sungai & air limbah usaha diinput per titik sampling, "
     "dibandingkan dgn baku mutu",
     "titik sampling; parameter uji; hasil lab", ADM, INT, None, None),
    ("Bursa Kerja Online", "Dinas Tenaga Kerja",
     "Mempertemukan pencari kerja dengan lowongan dari perusahaan di kota; pencari kerja juga "
     "bisa mengurus kartu AK/1 secara daring.",
     "data pencari kerja; lowongan; perusahaan", PUB, WARGA, None, None),
    ("SIM UMKM", "Dinas Koperasi dan UMKM",
     "Pendataan pelaku usaha mikro dan kecil beserta produk, omzet dan pelatihan yang pernah "
     "diikuti.",
     "data pelaku usaha; produk; omzet; pelatihan", PUB, LINTAS, None, None),
    ("Info Harga Pangan", "Dinas Ketahanan Pangan dan Pertanian",
     "Harga harian beras, cabai, bawang dan bahan pokok lain di pasar-pasar kota, dicatat "
     "petugas pencacah setiap pagi.",
     "komoditas; harga harian; pasar", PUB, WARGA, None, None),
    ("SI Tani dan Nelayan", "Dinas Ketahanan Pangan dan Pertanian",
     "Data kelompok tani dan nelayan, luas tanam, hasil tangkapan, serta alokasi pupuk "
     "bersubsidi.",
     "kelompok tani; nelayan; luas tanam; hasil tangkapan", ADM, INT, None, None),
    ("SI-PBG", "Dinas Pekerjaan Umum dan Penataan Ruang",
     "Permohonan persetujuan bangunan gedung dan sertifikat laik fungsi, pemeriksaan gambar "
     "teknis, dan penerbitan dokumen PBG.",
     "data pemohon; gambar teknis; dokumen PBG dan SLF", PUB, WARGA, None, None),
    ("SIM Jalan dan Jembatan", "Dinas Pekerjaan Umum dan Penataan Ruang",
     "Basis data ruas jalan dan jembatan kota: panjang, lebar, kondisi permukaan, dan riwayat "
     "pemeliharaan.",
     "ruas jalan; jembatan; kondisi; riwayat pemeliharaan", ADM, INT, None, None),
    ("SIM Rusunawa", "Dinas Perumahan dan Kawasan Permukiman",
     "Data penghuni rumah susun sewa, kontrak sewa, pembayaran, dan tunggakan.",
     "data penghuni; kontrak; pembayaran", PUB, INT, None, None),
    ("SI Makam", "Dinas Perumahan dan Kawasan Permukiman",
     "Pencatatan petak makam di TPU milik kota, ahli waris, dan pembayaran retribusi "
     "perpanjangan.",
     "petak makam; ahli waris; retribusi", PUB, WARGA, None, None),
    ("Layanan Surat Keterangan Online", "Kecamatan Contoh Utara",
     "Warga mengajukan surat pengantar, surat keterangan domisili dan SKTM dari rumah; surat "
     "yang sudah ditandatangani lurah bisa diambil atau diunduh.",
     "data pemohon; jenis surat; surat terbit", PUB, WARGA, None, None),
    ("SIM Perlindungan Perempuan dan Anak", "Dinas Pemberdayaan Perempuan, Perlindungan Anak dan KB",
     "Pencatatan kasus kekerasan terhadap perempuan dan anak, layanan pendampingan, rujukan, "
     "dan perkembangan penanganannya. Akses sangat dibatasi.",
     "data korban; kronologi; layanan pendampingan", PUB, INT, None, None),
    ("SI Akseptor KB", "Dinas Pemberdayaan Perempuan, Perlindungan Anak dan KB",
     "rekap peserta KB aktif per kelurahan dan stok alat kontrasepsi di balai penyuluhan",
     "peserta KB; metode kontrasepsi; stok alokon", ADM, INT, None, None),
    ("Data Disabilitas Kota", "Dinas Sosial",
     "Pendataan penyandang disabilitas menurut ragam disabilitas, kebutuhan alat bantu, dan "
     "bantuan yang sudah diterima.",
     "NIK; ragam disabilitas; kebutuhan alat bantu", PUB, LINTAS, None, None),
    ("SIM Penertiban", "Satuan Polisi Pamong Praja",
     "Catatan operasi penertiban pedagang kaki lima, reklame liar dan bangunan tanpa izin, "
     "termasuk berita acara dan barang yang diamankan.",
     "jadwal operasi; pelanggar; berita acara", ADM, INT, None, None),
    ("e-Perjadin", "Badan Pengelola Keuangan dan Aset Daerah",
     "Pembuatan surat perintah tugas dan SPPD, perhitungan uang harian, serta "
     "pertanggungjawaban perjalanan dinas.",
     "SPT; SPPD; biaya perjalanan", ADM, LINTAS, None, None),
    ("Pinjam Ruang", "Sekretariat Daerah - Bagian Umum",
     "peminjaman ruang rapat, aula dan kendaraan dinas di kantor wali kota, cek jadwal kosong "
     "dulu baru booking",
     "jadwal ruang; jadwal kendaraan; peminjam", ADM, LINTAS, None, None),
    ("e-TLHP", "Inspektorat Daerah",
     "Pemantauan tindak lanjut rekomendasi hasil pemeriksaan Inspektorat dan BPK oleh setiap "
     "OPD sampai dinyatakan tuntas.",
     "temuan pemeriksaan; rekomendasi; status tindak lanjut", ADM, LINTAS, None, None),
    ("Jelajah Kota Contoh", "Dinas Kebudayaan dan Pariwisata",
     "Informasi objek wisata, kuliner, penginapan dan kalender acara budaya kota untuk "
     "wisatawan.",
     "objek wisata; agenda acara; usaha pariwisata", PUB, WARGA, None, None),
]

# applications without a twin that the city cannot work without: they stay in use however old
CORE = {"SIMPEG", "SiKeuDa", "SIPD Lokal", "SIMPUS", "SIMRS", "Website Resmi Pemkot",
        "JDIH Kota Contoh", "PPDB Online", "PBB Online", "e-Pajak Daerah", "Call Center 112",
        "Aplikasi TPP", "e-Perjadin", "PPID Online", "e-Rapor Sekolah", "e-Arsip"}

# median accounts per kind of user, and the spread (log scale)
USERS = {INT: (35, 0.7), LINTAS: (700, 0.8), WARGA: (5000, 1.1)}
# an agency's own copy reaches a narrower audience than the city-wide application
REACH = {"utama": 3.0, "lokal": 0.3, "inti": 1.5, None: 1.0}


def generate(seed: int) -> pd.DataFrame:
    """Return the inventory frame for ``seed`` (identical frames for identical seeds)."""
    rng = np.random.default_rng(seed)
    rows = []
    for nama, opd, fungsi, data, jenis, pengguna, klaster, peran in APPS:
        if peran is None and nama in CORE:
            peran = "inti"
        # build year: city-wide apps are newer, agencies' own copies older
        if peran == "utama":
            year = int(rng.integers(2019, 2025))
        elif peran == "lokal":
            year = int(rng.integers(2013, 2022))
        else:
            year = int(rng.integers(2012, 2026))
        age = 2025 - year
        # status: own copies and old applications fall out of use
        if peran in ("utama", "inti"):
            p = [0.96, 0.04, 0.0]
        elif peran == "lokal":
            p = [0.30, 0.42, 0.28]
        else:
            old = min(1.0, age / 12.0)
            p = [0.82 - 0.35 * old, 0.12 + 0.15 * old, 0.06 + 0.20 * old]
        p = np.array(p) / np.sum(p)
        status = ["aktif", "jarang dipakai", "tidak aktif"][int(rng.choice(3, p=p))]
        median, spread = USERS[pengguna]
        n = median * REACH[peran] * np.exp(spread * rng.standard_normal())
        n *= {"aktif": 1.0, "jarang dipakai": 0.45, "tidak aktif": 0.25}[status]
        n = max(3, int(round(n)))
        if n > 2000 and rng.random() < 0.5:
            n = int(round(n, -2))  # an estimate rather than a count
        rows.append([nama, opd, fungsi, data, jenis, pengguna, n, year, status, klaster])

    order = rng.permutation(len(rows))
    frame = pd.DataFrame([rows[int(i)] for i in order], columns=[
        "nama_aplikasi", "opd_pemilik", "fungsi", "data_dikelola", "jenis_layanan", "pengguna",
        "jumlah_pengguna", "tahun_dibangun", "status", "klaster_tumpang_tindih"])
    frame.insert(0, "kode_aplikasi", [f"APL-{i + 1:03d}" for i in range(len(frame))])
    return frame
