"""Synthetic citizen complaints of the city of Balikpapan, 2023-2025 (``aduan_warga``).

One row per complaint: id, date, kecamatan, channel, category (the target), the complaint text
as a citizen or an intake officer would write it, days to first response and status.

Everything is drawn from one ``numpy.random.default_rng(seed)`` in a fixed order, so the same
seed always gives the same frame and, through ``cerdas.datasets.build``, the same CSV bytes.
No Python ``hash()``, set iteration, clock or global random state is used.

How the rows are made, in short:

* daily counts per category are Poisson draws around an expected rate that carries a yearly
  trend, weekday pattern, a dip around Idul Fitri, a rainy-season peak (Nov-Mar) for roads,
  environment and water, and a school-admission peak (Jun-Jul) for education;
* the kecamatan of a complaint depends on its category in exactly two planted, illustrative
  places (water in Balikpapan Utara, environment/flooding in Balikpapan Tengah, by design
  about 1.7 and 1.5 times the city share); every other kecamatan keeps close to the city profile,
  and category shares and kecamatan sizes stay as designed (see ``_kecamatan_given_category``);
* channel shares drift over time (app up, SMS down) and there is no walk-in on weekends;
* the text is composed from many fragments (greeting, opener, problem, place, duration,
  impact, plea, closing) in a register that depends on the channel, then informal channels
  get abbreviations, lower case, dropped punctuation, typos and stretched letters;
* about a tenth of the rows describe a "border" problem taken from a neighbouring category
  (a flooded road filed under environment, a dark street under security, ...) and a few
  rows are short vague follow-ups with no topic at all;
* days to first response are log-normal per category and channel, with a long tail, slower
  around Idul Fitri; complaints not yet answered at the snapshot date (2025-12-31) and a
  growing backlog in late 2025 are "Belum ditanggapi" with an empty ``hari_respons``.
"""

from __future__ import annotations

import re

import numpy as np

from .._lib.teks import typo_word
import pandas as pd

SEED = 20251118

START = np.datetime64("2023-01-01")
END = np.datetime64("2025-12-31")  # also the snapshot date of the statuses
EXPECTED_ROWS = 4050.0

# --------------------------------------------------------------------------------------
# categories, shares and calendar effects
# --------------------------------------------------------------------------------------

# code -> label; the order here is the order of every draw below
CATEGORIES = {
    "J": "Infrastruktur jalan",
    "A": "Administrasi kependudukan",
    "L": "Lingkungan dan kebersihan",
    "P": "Pelayanan pemerintah",
    "K": "Ketertiban dan keamanan",
    "W": "Air bersih",
    "S": "Kesehatan",
    "D": "Pendidikan",
    "T": "Transportasi",
}
CODES = list(CATEGORIES)

SHARES = {"J": 0.185, "A": 0.14, "L": 0.13, "P": 0.12, "K": 0.11,
          "W": 0.09, "S": 0.08, "D": 0.075, "T": 0.07}

RAINY_MONTHS = (11, 12, 1, 2, 3)
RAINY_BOOST = {"J": 1.45, "L": 1.6, "W": 1.35, "S": 1.15}  # dry months get the inverse share
SCHOOL_MONTHS = (6, 7)
SCHOOL_BOOST = {"D": 2.4, "A": 1.2}

WEEKDAY = np.array([1.20, 1.12, 1.06, 1.00, 0.92, 0.66, 0.52])  # Monday .. Sunday
YEARLY_GROWTH = 0.12  # log-rate per year: the app channel brings more complaints

IDUL_FITRI = [np.datetime64(d) for d in ("2023-04-22", "2024-04-10", "2025-03-31")]

KECAMATAN = ["Balikpapan Barat", "Balikpapan Kota", "Balikpapan Selatan",
             "Balikpapan Tengah", "Balikpapan Timur", "Balikpapan Utara"]
KECAMATAN_P = np.array([0.115, 0.125, 0.245, 0.150, 0.130, 0.235])
KECAMATAN_MISSING = 0.015

# Two district effects planted for teaching. They are ILLUSTRATIVE, not facts about the real
# districts: each factor is an odds multiplier on "a complaint of this category comes from this
# kecamatan"; every other pair keeps factor 1, so the other four kecamatan stay close to the
# city profile (they only give up the small share that the two planted cells take).
KECAMATAN_EFFECT = {
    ("W", "Balikpapan Utara"): 2.4,   # expanding area at the edge of the piped-water network
    ("L", "Balikpapan Tengah"): 1.8,  # dense and low-lying: blocked drains, floods, rubbish
}

KANAL = ["Aplikasi", "WhatsApp", "SMS", "Situs web", "Tatap muka"]
KANAL_START = np.array([0.22, 0.32, 0.16, 0.17, 0.13])
KANAL_END = np.array([0.50, 0.28, 0.04, 0.10, 0.08])
KANAL_BY_CAT = {  # multipliers on the channel shares
    "A": np.array([0.8, 0.9, 1.0, 1.1, 1.9]),
    "P": np.array([0.9, 0.9, 1.0, 1.35, 1.35]),
    "S": np.array([0.9, 1.0, 1.0, 1.0, 1.25]),
    "J": np.array([1.2, 1.0, 0.9, 0.9, 0.8]),
    "L": np.array([1.15, 1.05, 0.9, 0.9, 0.8]),
}

# days to first response: median by category, multiplier by channel
RESP_MEDIAN = {"J": 6.0, "A": 2.0, "L": 4.0, "P": 3.0, "K": 2.5,
               "W": 2.0, "S": 2.0, "D": 4.0, "T": 5.0}
RESP_CHANNEL = np.array([0.8, 0.7, 1.5, 1.3, 0.35])
DIPROSES_BASE = {"J": 0.20, "A": 0.06, "L": 0.12, "P": 0.09, "K": 0.08,
                 "W": 0.10, "S": 0.06, "D": 0.10, "T": 0.14}

P_VAGUE = 0.03
P_BORDER = 0.105

# --------------------------------------------------------------------------------------
# text fragments
# --------------------------------------------------------------------------------------
# Problem phrasings per category. A prefix "XY|" marks a border problem: one that a citizen
# or an officer could just as well file under category X or Y (see CATEGORIES for codes).

PROBLEMS = {
    "J": [
        "jalan berlubang cukup dalam",
        "ada lubang besar di tengah jalan",
        "lubang di badan jalan makin lebar tiap minggu",
        "aspal mengelupas dan tinggal batu-batunya",
        "jalan amblas setelah hujan deras",
        "badan jalan retak dan sisi tebingnya mulai longsor",
        "tanjakan licin karena aspalnya sudah habis",
        "jalan semenisasi di gang kami pecah-pecah",
        "tambalan jalan yang baru dikerjakan sudah rusak lagi",
        "W|galian pipa tidak ditutup kembali dengan rapi",
        "trotoar ambrol dan besinya mencuat",
        "jembatan kayu penghubung antar-RT sudah lapuk",
        "bekas galian kabel dibiarkan menganga",
        "jalan bergelombang sampai motor sering oleng",
        "T|polisi tidur terlalu tinggi dan tidak dicat",
        "T|marka jalan sudah pudar dan tidak kelihatan",
        "L|penutup gorong-gorong di tepi jalan patah",
        "L|jalan selalu tergenang tiap hujan karena permukaannya cekung",
        "proyek pengaspalan ditinggal setengah jadi",
        "pelebaran jalan berhenti berbulan-bulan tanpa kejelasan",
        "L|turap di pinggir jalan runtuh",
        "jalan tanah di perumahan becek dan berlumpur",
        "kerikil lepas di tikungan bikin pengendara tergelincir",
        "lubang jalan cuma ditandai warga pakai ban bekas",
        "D|jalan menuju sekolah rusak berat",
        "T|rambu peringatan tikungan tajam roboh",
        "K|lampu penerangan jalan mati sepanjang ruas",
        "K|beberapa tiang PJU padam sehingga jalan gelap gulita",
        "jalan retak memanjang akibat tanah bergerak",
        "beton jalan patah dan besinya menonjol",
        "L|jalan licin tertutup tanah dari truk proyek",
        "permukaan jalan turun di sambungan jembatan",
        "perbaikan jalan asal-asalan, seminggu sudah rusak",
        "jalan tembus antar-RT belum pernah diaspal",
        "pagar pengaman di turunan tajam hilang",
        "T|jalan rusak parah karena sering dilewati truk bermuatan berat",
        "saluran di bawah jalan ambrol sehingga aspal ikut turun",
        "jalan poros kampung hanya muat satu mobil karena longsor",
        "paving blok di jalan lingkungan banyak yang lepas",
        "bahu jalan tergerus dan tinggi aspalnya jomplang",
    ],
    "A": [
        "KTP elektronik belum jadi padahal sudah rekam data",
        "blanko KTP katanya habis terus",
        "pengurusan KK setelah pindah alamat belum selesai",
        "akta kelahiran anak salah tulis nama ibu",
        "data di kartu keluarga tidak sama dengan KTP",
        "NIK saya tercatat ganda di sistem kependudukan",
        "P|antrean rekam KTP di Disdukcapil sangat panjang",
        "P|surat pindah domisili tidak bisa diproses karena sistem sedang offline",
        "KIA untuk anak tidak kunjung dicetak",
        "akta kematian orang tua belum terbit",
        "status perkawinan di KK masih tertulis belum kawin",
        "tidak bisa aktivasi identitas kependudukan digital",
        "P|kuota antrean online Disdukcapil selalu penuh",
        "KTP hilang dan proses penggantiannya berbelit",
        "tanda tangan di KTP elektronik tidak muncul",
        "P|harus bolak-balik ke kelurahan hanya untuk surat pengantar",
        "perubahan data pendidikan di KK ditolak tanpa alasan",
        "pendaftaran penduduk pendatang dipersulit",
        "hasil cetak KK salah tanggal lahir",
        "P|diminta fotokopi berkas berulang kali padahal datanya sudah ada",
        "legalisir akta harus menunggu berhari-hari",
        "D|NIK anak tidak terbaca saat daftar sekolah",
        "S|NIK tidak ditemukan waktu mau aktifkan BPJS",
        "layanan jemput bola rekam KTP untuk lansia tidak ada",
        "P|petugas meminta biaya untuk cetak ulang KK",
        "pengajuan akta kelahiran lewat aplikasi ditolak terus",
        "alamat di KTP masih alamat lama walau sudah pindah",
        "ejaan nama berubah setelah pemutakhiran data",
        "persyaratan surat keterangan pindah tidak jelas",
        "D|kartu identitas anak belum dibagikan lewat sekolah",
        "nama di akta nikah dan KK berbeda satu huruf",
        "rekam biometrik gagal terus karena sidik jari tidak terbaca",
        "S|bayi yang baru lahir di rumah sakit belum dibuatkan akta",
        "penerbitan KK baru setelah cerai tidak bisa dilakukan",
    ],
    "L": [
        "sampah menumpuk di TPS dan tidak diangkut",
        "truk sampah tidak lewat",
        "bau busuk dari tumpukan sampah",
        "warga membuang sampah sembarangan ke sungai",
        "J|parit tersumbat sampah plastik sampai air meluap ke jalan",
        "drainase tidak berfungsi dan rumah warga kebanjiran",
        "J|banjir setinggi lutut setiap hujan lebat",
        "gorong-gorong mampet dan airnya hitam",
        "K|warga membakar sampah dan asapnya masuk rumah",
        "limbah laundry dibuang langsung ke saluran",
        "K|pohon besar tumbang menimpa pagar",
        "J|ranting pohon hampir patah menjuntai di atas jalan",
        "semak di lahan kosong jadi sarang ular",
        "bau dari kandang ayam di tengah permukiman",
        "sungai kecil dangkal penuh endapan lumpur",
        "bak sampah di pinggir jalan rusak dan terbalik",
        "petugas kebersihan jarang menyapu taman",
        "S|genangan air jadi sarang nyamuk",
        "tanah longsor ke belakang rumah saat hujan",
        "W|oli bekas bengkel dibuang ke parit",
        "sampah kiriman menumpuk di pantai",
        "debu dari kegiatan cut and fill lahan",
        "J|lumpur dari pembukaan lahan terbawa ke jalan dan rumah warga",
        "kontainer sampah terlalu kecil dan selalu penuh",
        "kucing dan anjing liar mengacak-acak kantong sampah",
        "selokan bau karena tidak pernah dikuras",
        "taman kota kotor dan penuh puntung rokok",
        "bangkai hewan di saluran air belum dibersihkan",
        "jadwal angkut sampah berubah tanpa pemberitahuan",
        "bank sampah di RT tidak aktif lagi",
        "W|air sungai berubah warna dan ikan-ikan mati",
        "sampah sisa pasar dibiarkan membusuk",
    ],
    "P": [
        "pelayanan di kantor kelurahan lambat dan petugasnya sering tidak di tempat",
        "jam buka loket tidak sesuai dengan yang tertulis",
        "petugas loket kurang ramah saat melayani warga",
        "A|diminta uang pelicin supaya surat cepat selesai",
        "pengurusan izin usaha berbelit-belit",
        "surat keterangan tidak mampu ditolak tanpa penjelasan",
        "bantuan sosial tidak tepat sasaran",
        "nama kami tidak masuk daftar penerima bansos padahal layak",
        "aduan sebelumnya tidak pernah ditanggapi",
        "aplikasi layanan online sering error dan tidak bisa login",
        "situs resmi pemkot tidak bisa dibuka",
        "informasi persyaratan layanan tidak jelas dan berubah-ubah",
        "A|nomor antrean di Mal Pelayanan Publik habis sebelum jam sembilan",
        "tagihan PBB naik drastis tanpa sosialisasi",
        "objek pajak PBB salah nama dan tidak bisa dibetulkan",
        "izin persetujuan bangunan gedung prosesnya lama sekali",
        "tidak ada ruang tunggu yang layak untuk lansia dan difabel",
        "A|petugas meminta berkas yang tidak ada di daftar persyaratan",
        "nomor telepon pengaduan tidak pernah diangkat",
        "pegawai main HP saat jam pelayanan",
        "surat rekomendasi dari kecamatan tidak kunjung ditandatangani",
        "pembayaran retribusi masih harus tunai",
        "layanan tutup lebih awal dari jadwal",
        "pencairan bantuan modal UMKM tidak transparan",
        "berkas ditolak karena kurang, padahal sebelumnya tidak diberi tahu",
        "tidak ada petunjuk di kantor pelayanan, bingung harus ke loket mana",
        "usulan musrenbang RT tidak pernah ditindaklanjuti",
        "tidak ada kepastian berapa lama layanan selesai",
        "S|antrean pendaftaran di puskesmas lama karena petugas loket cuma satu",
        "D|sekolah memungut biaya tambahan yang tidak jelas dasarnya",
        "W|tagihan PDAM membengkak dan keberatan kami tidak dijawab",
        "S|pengurusan kartu BPJS PBI dilempar dari satu kantor ke kantor lain",
        "status aduan di aplikasi tertulis selesai padahal belum ditangani",
        "honor ketua RT belum dibayarkan beberapa bulan",
        "surat izin keramaian dipersulit padahal syarat lengkap",
    ],
    "K": [
        "sering terjadi pencurian motor di lingkungan kami",
        "T|balap liar tiap malam minggu",
        "anak muda nongkrong dan mabuk sampai larut malam",
        "J|lampu jalan mati sehingga rawan begal",
        "T|pedagang kaki lima berjualan di atas trotoar",
        "T|parkir liar memakan setengah badan jalan",
        "juru parkir liar memaksa minta uang",
        "suara knalpot brong sangat bising",
        "ada bangunan liar berdiri di lahan fasilitas umum",
        "ada gudang yang diduga menimbun solar",
        "pengamen dan pengemis memaksa di lampu merah",
        "tawuran remaja terjadi di dekat lapangan",
        "rumah kosong dipakai untuk transaksi mencurigakan",
        "pos ronda sudah lama tidak aktif",
        "J|kabel listrik dan internet menjuntai rendah di atas jalan",
        "J|sapi dan kambing dilepas berkeliaran di jalan",
        "T|hajatan menutup jalan tanpa izin sampai malam",
        "tempat karaoke buka sampai subuh dan berisik",
        "spanduk dan baliho liar dipaku di pohon dan tiang",
        "orang tak dikenal sering mondar-mandir malam hari",
        "T|CCTV di persimpangan tidak berfungsi",
        "pencurian tabung gas dan sepeda di rumah warga",
        "ruko baru melanggar garis sempadan",
        "D|warung dekat sekolah menjual minuman keras",
        "L|anjing liar mengejar anak-anak yang pulang mengaji",
        "ada aksi premanisme di pangkalan ojek",
        "tempat hiburan malam melanggar jam operasional",
        "petasan dinyalakan tengah malam",
        "lahan kosong dipakai tempat judi sabung ayam",
        "L|pembakaran lahan di belakang permukiman tanpa pengawasan",
        "besi pagar jembatan dan tutup saluran dicuri orang",
        "T|truk parkir berderet di pinggir jalan sampai pagi",
        "anak-anak main layangan di dekat kabel tegangan tinggi",
    ],
    "W": [
        "air PDAM tidak mengalir",
        "air cuma mengalir tengah malam dengan debit kecil",
        "air keruh dan berbau kaporit",
        "air dari keran berwarna kuning kecokelatan",
        "J|pipa bocor di pinggir jalan, airnya terbuang percuma",
        "P|tagihan air naik padahal air sering mati",
        "meteran air rusak dan tagihan dihitung rata-rata",
        "P|sambungan baru sudah dibayar tapi belum dipasang",
        "jadwal giliran distribusi air tidak jelas",
        "mobil tangki air bersih tidak datang sesuai janji",
        "L|air sumur tercemar setelah banjir",
        "tekanan air lemah dan tidak sampai ke lantai dua",
        "air mati tanpa pemberitahuan sama sekali",
        "waduk katanya surut tapi jadwal pengiriman tangki tidak ada",
        "J|pipa distribusi putus kena alat berat proyek jalan",
        "air berpasir dan menyumbat keran",
        "P|gangguan sudah dilaporkan ke call center PDAM tapi belum ditangani",
        "warga terpaksa beli air tandon setiap hari",
        "ada sambungan ilegal yang mengurangi aliran ke rumah kami",
        "hidran umum di RT tidak berfungsi",
        "air payau masuk ke sumur warga pesisir",
        "P|bayar tagihan air lewat aplikasi gagal tapi saldo terpotong",
        "air mengalir tapi bau lumpur",
        "jaringan pipa belum sampai ke perumahan kami",
        "tandon air komunal bocor",
        "setelah perbaikan pipa air justru mati total",
        "S|air keruh membuat anak-anak diare",
        "keran umum di pasar kering",
        "air mengalir kencang sebentar lalu mati lagi",
        "rumah di bagian atas bukit tidak pernah kebagian air",
    ],
    "S": [
        "P|antrean di puskesmas sangat panjang dan dokter datang terlambat",
        "obat di puskesmas sering kosong",
        "pasien BPJS ditolak di rumah sakit",
        "L|kasus demam berdarah bertambah, warga minta fogging",
        "ambulans lama sekali datang",
        "posyandu di RT kami tidak aktif lagi",
        "jadwal imunisasi anak ditunda terus",
        "petugas IGD kurang tanggap",
        "P|rujukan BPJS dipersulit",
        "pasien peserta BPJS tetap ditagih biaya",
        "kamar rawat inap penuh sampai pasien dirawat di lorong",
        "banyak balita kurang gizi dan butuh pendampingan",
        "L|jentik nyamuk banyak tapi tidak ada pemeriksaan",
        "L|toilet puskesmas kotor dan tidak ada air",
        "jadwal dokter gigi di puskesmas tidak jelas",
        "vaksin untuk lansia tidak tersedia",
        "pustu hanya buka setengah hari",
        "W|banyak warga diare setelah minum air ledeng",
        "klinik tanpa izin praktik di perumahan",
        "apotek menjual obat keras tanpa resep",
        "ibu hamil tidak mendapat pemeriksaan rutin",
        "A|kartu BPJS PBI dinonaktifkan tanpa pemberitahuan",
        "ada warga dengan gangguan jiwa yang butuh penanganan",
        "D|siswa diduga keracunan jajanan kantin sekolah",
        "tidak ada dokter jaga malam hari",
        "hasil laboratorium lama sekali keluarnya",
        "L|warga batuk-batuk karena asap pembakaran sampah",
        "P|pendaftaran online puskesmas tidak bisa dipakai",
        "petugas kesehatan membentak pasien lansia",
        "stok darah di rumah sakit kosong",
    ],
    "D": [
        "PPDB sistem zonasi tidak adil",
        "anak tidak diterima di SD terdekat padahal rumah dekat",
        "P|sekolah mewajibkan beli seragam dan buku dengan harga mahal",
        "P|pungutan komite sekolah memberatkan orang tua",
        "atap kelas bocor dan plafon hampir runtuh",
        "guru sering tidak masuk kelas",
        "dana PIP anak belum cair",
        "L|toilet sekolah rusak dan tidak layak pakai",
        "kekurangan guru di SD negeri",
        "ijazah ditahan karena masih ada tunggakan",
        "perundungan di sekolah tidak ditangani",
        "P|situs PPDB error saat pendaftaran",
        "daya tampung SMP negeri tidak cukup",
        "kelas kekurangan meja dan kursi",
        "T|tidak ada angkutan untuk anak sekolah di daerah kami",
        "biaya study tour diwajibkan",
        "sekolah tidak punya akses internet untuk ujian",
        "PAUD di lingkungan kami tutup",
        "P|seleksi beasiswa daerah tidak transparan",
        "guru mewajibkan les tambahan berbayar",
        "banyak anak putus sekolah di RT kami",
        "L|halaman sekolah banjir setiap hujan",
        "murid tidak diberi ujian susulan",
        "buku paket tidak dibagikan ke murid",
        "A|PPDB memakai data KK, data anak tidak terbaca",
        "pembangunan ruang kelas baru mangkrak",
        "murid dilarang ikut ujian karena belum bayar",
        "guru honorer belum digaji berbulan-bulan",
        "jam masuk sekolah terlalu pagi untuk anak SD",
        "sekolah menahan rapor sampai uang kegiatan dibayar",
    ],
    "T": [
        "angkot sering ngetem sembarangan dan bikin macet",
        "trayek angkot ke kampung kami sudah tidak ada",
        "jadwal bus kota tidak menentu",
        "K|lampu lalu lintas di simpang mati",
        "kemacetan parah di simpang saat jam pulang kerja",
        "J|truk besar melintas di jam sibuk",
        "halte rusak dan tidak ada atapnya",
        "tarif angkot naik sepihak",
        "K|ojek online dihalangi masuk oleh pangkalan ojek",
        "D|tidak ada zebra cross di depan sekolah",
        "K|rambu dilarang parkir tidak dipatuhi",
        "speedboat penyeberangan tidak menyediakan pelampung",
        "kapal feri ke Penajam sering terlambat",
        "K|mobil parkir di bahu jalan sampai bikin macet",
        "J|rambu penunjuk arah tertutup dahan pohon",
        "lampu merah terlalu lama",
        "kendaraan melawan arus di jalur satu arah",
        "J|truk kelebihan muatan merusak jalan",
        "jalur sepeda dipakai parkir mobil",
        "terminal tidak terawat dan gelap",
        "sopir angkot ugal-ugalan",
        "tidak ada angkutan umum malam dari bandara",
        "K|penyeberangan di depan pasar berbahaya",
        "K|antrean truk di SPBU mengular sampai ke badan jalan",
        "pengalihan arus lalu lintas tanpa sosialisasi",
        "tempat parkir umum di pusat kota selalu penuh",
        "bus sekolah gratis tidak lewat lagi di rute kami",
        "J|jembatan penyeberangan orang berkarat dan tangganya patah",
    ],
}

# short consequences, per category (optional in a text)
IMPACTS = {
    "J": ["motor saya sampai pecah ban", "sudah ada pengendara yang jatuh",
          "kendaraan harus jalan pelan-pelan", "kalau malam lubangnya tidak kelihatan",
          "mobil sampai kandas", "ojek tidak mau lewat sini lagi"],
    "A": ["saya butuh untuk melamar kerja", "jadi tidak bisa buka rekening bank",
          "sudah izin kerja berkali-kali hanya untuk mengurus ini",
          "padahal mau dipakai untuk urusan warisan", "takut datanya dipakai orang lain"],
    "L": ["baunya sampai ke dalam rumah", "banyak lalat dan tikus",
          "anak-anak jadi sering gatal-gatal", "kalau hujan airnya masuk rumah",
          "tetangga sampai pindah tidur ke rumah saudara"],
    "P": ["saya sudah bolak-balik tiga kali", "seharian habis hanya untuk antre",
          "tidak ada kejelasan sama sekali", "yang punya kenalan cepat dilayani",
          "warga kecil selalu dipersulit"],
    "K": ["warga takut keluar malam", "anak-anak tidak bisa tidur",
          "sudah beberapa kali kejadian", "ibu-ibu takut pulang sendiri",
          "warga sudah lapor ke pak RT tapi tidak digubris"],
    "W": ["kami terpaksa beli air galon", "tidak bisa mandi dan mencuci",
          "bak penampungan kosong terus", "harus angkut air pakai jeriken",
          "tagihan tetap jalan padahal airnya tidak ada"],
    "S": ["orang tua saya sampai pulang tanpa obat", "anak saya demam tinggi",
          "pasien menunggu berjam-jam", "lansia tidak kuat antre lama",
          "keluarga pasien kebingungan"],
    "D": ["anak saya terancam tidak sekolah", "orang tua murid keberatan",
          "anak-anak belajar tidak nyaman", "banyak wali murid mengeluh hal yang sama",
          "anak jadi malas berangkat sekolah"],
    "T": ["terlambat kerja hampir tiap hari", "perjalanan lima belas menit jadi satu jam",
          "penumpang terlantar", "anak sekolah harus jalan kaki jauh",
          "hampir saja terjadi tabrakan"],
}

IMPACTS_GENERIC = [
    "sangat mengganggu", "warga jadi resah", "bahaya sekali", "kami sudah capek lapor",
    "sudah sering dilaporkan tapi belum ada tindak lanjut", "kasihan lansia dan anak-anak",
    "ini sudah kedua kalinya saya lapor", "parah banar", "ngalih banar warga di sini",
    "tiap hari begini terus", "sudah ramai dibahas di grup warga",
    "ketua RT sudah tahu tapi tidak bisa berbuat apa-apa", "bubuhan warga sudah kesal",
    "kami merasa tidak diperhatikan",
]
IMPACTS_FORMAL = [
    "Kondisi ini sangat meresahkan warga.", "Warga merasa dirugikan.",
    "Hal ini mengganggu aktivitas sehari-hari.", "Keadaan ini cukup membahayakan.",
    "Keluhan yang sama pernah disampaikan sebelumnya.",
    "Warga berharap tidak hanya dicatat tanpa tindakan.",
]

GREET_INFORMAL = ["pagi min", "siang pak", "malam bu", "assalamualaikum", "permisi",
                  "halo admin", "min", "selamat sore", "maaf mengganggu", "pak bu",
                  "halo kak", "tabe pak"]
OPEN_INFORMAL = ["mau lapor", "izin lapor", "numpang lapor", "mau komplain", "lapor min",
                 "mau tanya sekalian lapor", "kami warga RT {rt} mau lapor",
                 "saya mau mengadukan", "mohon izin menyampaikan", "pak tolong",
                 "ini gimana ya", "mau mengeluh", "sekadar info"]
GREET_FORMAL = ["Yth. Bapak/Ibu petugas,", "Dengan hormat,", "Selamat pagi,",
                "Selamat siang,", "Assalamualaikum wr. wb.", "Kepada Yth. admin layanan aduan,"]
OPEN_FORMAL = ["Saya ingin melaporkan bahwa", "Dengan ini saya sampaikan bahwa",
               "Saya warga RT {rt} ingin menyampaikan keluhan bahwa",
               "Bersama ini kami laporkan bahwa", "Mohon izin menyampaikan bahwa",
               "Saya ingin mengadukan bahwa", "Kami atas nama warga gang {gang} melaporkan bahwa"]
OPEN_STAFF = ["Pelapor datang langsung ke {kantor} dan menyampaikan bahwa",
              "Warga menyampaikan secara langsung bahwa", "Pengadu melaporkan bahwa",
              "Dilaporkan oleh warga RT {rt} bahwa", "Pelapor mengeluhkan bahwa",
              "Berdasarkan keterangan pelapor,", "Pelapor, warga gang {gang}, menyampaikan bahwa",
              "Aduan lisan:", "Ringkasan aduan warga:"]
KANTOR = ["kantor kelurahan", "kantor kecamatan", "Mal Pelayanan Publik",
          "posko pengaduan", "loket pengaduan balai kota"]

DUR_INFORMAL = ["sudah {n} hari", "sudah {n} minggu", "sudah hampir sebulan",
                "sejak bulan lalu", "dari kemarin", "sejak {n} hari yang lalu",
                "sudah berbulan-bulan", "sejak awal tahun", "dari minggu lalu",
                "sudah lama sekali", "baru tadi pagi", "sudah lebih dari setahun"]
DUR_RAIN = ["sejak hujan kemarin", "tiap kali hujan", "sejak banjir minggu lalu",
            "dari tadi malam waktu hujan"]
RAIN_CATEGORIES = ("J", "L", "W")
DUR_FORMAL = ["selama {n} hari", "sekitar {n} minggu", "hampir satu bulan",
              "berbulan-bulan", "sejak awal tahun", "sejak bulan lalu",
              "lebih dari satu tahun", "sejak beberapa hari terakhir"]
DUR_WEB_SENT = ["Kondisi ini sudah berlangsung {d}.", "Masalah ini sudah kami alami {d}.",
                "Hal ini sudah terjadi {d}.", "Keadaan tersebut kami rasakan {d}."]
DUR_STAFF_SENT = ["Kondisi ini sudah berlangsung {d}.", "Menurut pelapor, masalah ini terjadi {d}.",
                  "Masalah tersebut dirasakan warga {d}.", "Hal ini sudah terjadi {d}."]

PLEA_INFORMAL = ["mohon segera ditindaklanjuti", "minta tolong ditangani",
                 "mohon perhatian dinas terkait", "tolong dong pak", "kapan mau ditangani?",
                 "mohon solusinya", "harap segera ada tindakan", "tolong jangan cuma dicatat",
                 "mohon dibantu bu", "mohon bantuan pian", "ditunggu tindak lanjutnya",
                 "tolong diurus secepatnya"]
PLEA_SPOT = ["tolong segera diperbaiki", "mohon dicek ke lokasi", "tolong dilihat langsung ke lapangan",
             "petugasnya tolong turun ke lapangan"]
PLEA_FORMAL = ["Mohon agar segera ditindaklanjuti oleh dinas terkait.",
               "Kami berharap ada tindakan nyata dari pemerintah kota.",
               "Mohon informasi kapan masalah ini dapat diselesaikan.",
               "Besar harapan kami agar keluhan ini ditangani."]
PLEA_FORMAL_SPOT = ["Mohon kiranya lokasi dapat segera ditinjau.",
                    "Mohon petugas dapat meninjau langsung ke lapangan."]
PLEA_STAFF = ["Pelapor meminta agar segera ditindaklanjuti.",
              "Pelapor berharap ada penanganan dari perangkat daerah terkait.",
              "Pelapor meminta kepastian waktu penyelesaian.",
              "Aduan diteruskan ke OPD terkait."]
PLEA_STAFF_SPOT = ["Pelapor meminta petugas meninjau lokasi.",
                   "Pelapor disarankan melengkapi foto lokasi melalui aplikasi."]
CLOSE_INFORMAL = ["terima kasih", "makasih", "terima kasih banyak", "salam",
                  "mohon responnya", "ditunggu kabarnya", "makasih min"]
CLOSE_FORMAL = ["Terima kasih.", "Atas perhatiannya kami ucapkan terima kasih.",
                "Hormat kami.", "Terima kasih atas perhatiannya."]

VAGUE = ["tolong ditindaklanjuti pak, sudah lama", "laporan saya kemarin belum ada kabar",
         "mohon info perkembangan aduan saya", "kok belum ada tanggapan ya",
         "sudah lapor dari minggu lalu tapi belum ada tindakan", "gimana kelanjutannya min",
         "masalah yang sama terulang lagi", "tolong dicek lagi pak, masih sama saja",
         "sudah berulang kali disampaikan", "mohon perhatiannya bu, warga sudah resah",
         "ini sudah ketiga kalinya saya lapor hal yang sama", "tolong dong diurus",
         "sama seperti laporan tetangga saya kemarin", "belum ada perubahan sama sekali",
         "mohon ditinjau ulang", "sudah dijanjikan tapi belum ada realisasi",
         "keluhan lama belum selesai juga", "petugas sudah datang foto-foto tapi tidak ada lanjutannya"]
VAGUE_WEB = ["Saya ingin menanyakan tindak lanjut laporan saya sebelumnya.",
             "Laporan yang saya kirim bulan lalu belum mendapat tanggapan.",
             "Mohon informasi perkembangan aduan yang sudah saya sampaikan.",
             "Masalah yang sama kembali terjadi dan belum ada penanganan.",
             "Sudah beberapa kali kami sampaikan, namun belum ada tindak lanjut.",
             "Keluhan kami sebelumnya dinyatakan selesai, padahal kondisinya masih sama."]
VAGUE_STAFF = ["Pelapor menanyakan tindak lanjut aduan sebelumnya yang belum ada kabar.",
               "Pelapor menyampaikan bahwa keluhan lama belum ditangani.",
               "Warga meminta kejelasan status laporan yang sudah disampaikan.",
               "Pengadu menyatakan masalah yang sama terulang kembali."]

# place references: generic or fictional, not tied to the kecamatan column
STREETS = ["Mulawarman", "Soekarno-Hatta km {km}", "Jenderal Sudirman", "MT Haryono",
           "Ahmad Yani", "Letjen Suprapto", "Marsma R. Iswahyudi", "Syarifuddin Yoes",
           "Cempaka", "Flamboyan", "Mangga", "Pelita", "Kenari", "Bukit Indah"]
GANGS = ["Melati", "Mawar", "Kenanga", "Anggrek", "Damai", "Sejahtera", "Rukun", "Harapan",
         "Kelapa", "Nusantara", "Pelita", "Al-Ikhlas", "Karya Bersama", "Swadaya"]
PERUM = ["Griya Permai", "Bukit Damai", "Graha Asri", "Puri Indah", "Villa Mutiara",
         "Taman Sari", "Korpri", "Bumi Nirwana"]
PLACES = ["di depan masjid", "di depan musala", "dekat SD {sd}", "dekat SMP {smp}",
          "di gang {gang}", "di gang {gang} RT {rt}", "di RT {rt}", "di RT {rt} kelurahan kami",
          "di Jl. {street}", "di Jl. {street}", "di Jl. {street} dekat {landmark}",
          "dekat pasar", "samping puskesmas", "di perumahan {perum}", "depan minimarket",
          "dekat pertigaan", "di ujung gang", "dekat jembatan", "di belakang kantor kelurahan",
          "sekitar terminal", "dekat pelabuhan", "di kompleks {perum} blok {blok}",
          "dekat lapangan bola", "di samping gereja", "dekat pangkalan ojek", "dekat SPBU",
          "di turunan dekat tower", "di jalan masuk perumahan", "depan warung makan",
          "di simpang empat", "di sekitar pantai", "di RT {rt} belakang sekolah"]
# where the service happens, for categories whose problems are not a spot in the street
SERVICE_PLACES = {
    "A": ["di kantor kelurahan", "di Disdukcapil", "di Mal Pelayanan Publik", "di kantor kecamatan",
          "waktu layanan keliling di RT {rt}"],
    "P": ["di kantor kelurahan", "di kantor kecamatan", "di Mal Pelayanan Publik", "di kantor dinas",
          "di loket pelayanan lantai dua"],
    "S": ["di puskesmas dekat rumah", "di RSUD", "di pustu RT {rt}", "di posyandu {gang}",
          "di puskesmas kelurahan"],
    "D": ["di SD {sd}", "di SMP {smp}", "di sekolah anak saya", "di TK dekat rumah",
          "di SD negeri dekat {landmark}"],
}
SPOT_CATEGORIES = ("J", "L", "K", "W", "T")
FACILITY_WORDS = ("puskesmas", "rumah sakit", "klinik", "apotek", "posyandu", "pustu", "sekolah",
                  "kelurahan", "kecamatan", "disdukcapil", "loket", "kantor", "pdam", "kelas",
                  "murid", "paud", "smp", "sd ", "pelayanan publik", "aplikasi", "situs", "online")

LANDMARKS = ["masjid", "pasar", "SPBU", "minimarket", "pos kamling", "bengkel", "tower",
             "lapangan", "gereja", "kantor pos"]

# informal spelling: standard word -> variants used on informal channels
ABBREV = {
    "tidak": ["tdk", "gk", "ga", "nggak", "gak", "kada"],
    "yang": ["yg"], "sudah": ["sdh", "udah", "udh"], "belum": ["blm"],
    "tolong": ["tlg", "tolong"], "di mana": ["dmn"], "banget": ["bgt"], "sekali": ["bgt", "bngt"],
    "sama sekali": ["sama sekali", "sm sekali"], "lama sekali": ["lama bgt", "lama bngt", "lamaa bgt"],
    "dengan": ["dgn"], "untuk": ["utk"], "karena": ["krn", "karna"], "sampai": ["sampe", "smpe"],
    "terima kasih": ["makasih", "trims", "trmksh", "mksh"], "saja": ["aja"], "juga": ["jg"],
    "sekarang": ["skrg"], "gimana": ["gmn", "gimana"], "lagi": ["lg"], "kalau": ["kalo", "klo"],
    "mohon": ["mhn"], "segera": ["sgr"], "tapi": ["tp"], "dari": ["dr"], "hari": ["hr"],
    "bisa": ["bs"], "sama": ["sm"], "saya": ["sy", "aku"], "memang": ["emang"],
    "banyak": ["byk"], "orang": ["org"], "minggu": ["mgg"], "bulan": ["bln"],
    "jalan": ["jln"], "begitu": ["gitu"], "kenapa": ["knp"], "bapak": ["pak"],
    "padahal": ["pdhl"], "sebelumnya": ["sblmnya"], "tetangga": ["tetangga"],
    "kemarin": ["kmrn", "kemaren"], "lama": ["lama"], "dicek": ["dicek", "dicek2"],
    "ditindaklanjuti": ["ditindak lanjuti", "ditindaklanjutin", "di tindak lanjuti"],
}
_ABBREV_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, ABBREV), key=len, reverse=True)) + r")\b")
STRETCH = ["tolong", "tlg", "pak", "bu", "min", "parah", "lama", "bgt", "banget", "cepat",
           "segera", "sekali", "mohon", "kak", "ya"]


# --------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------

def _pick(rng: np.random.Generator, items):
    return items[int(rng.integers(len(items)))]


def _split(entry: str) -> tuple[str, str]:
    """``"XY|text"`` -> (``"XY"``, ``"text"``); plain text -> (``""``, text)."""
    head, sep, tail = entry.partition("|")
    return (head, tail) if sep else ("", entry)


# border problems that may be filed under a category although they come from another
BORDER_INTO = {c: [] for c in CODES}
for _src in CODES:
    for _entry in PROBLEMS[_src]:
        _tags, _text = _split(_entry)
        for _t in _tags:
            BORDER_INTO[_t].append((_src, _text))


def _fill(rng: np.random.Generator, template: str) -> str:
    """Fill the {slots} of a fragment in a fixed order (so draws stay reproducible)."""
    out = template
    for slot in ("street", "km", "rt", "gang", "perum", "blok", "sd", "smp", "landmark", "n", "kantor"):
        token = "{" + slot + "}"
        while token in out:
            if slot == "street":
                value = _pick(rng, STREETS)
            elif slot == "km":
                value = str(int(rng.integers(2, 16)))
            elif slot == "rt":
                value = str(int(rng.integers(1, 61)))
            elif slot == "gang":
                value = _pick(rng, GANGS)
            elif slot == "perum":
                value = _pick(rng, PERUM)
            elif slot == "blok":
                value = _pick(rng, list("ABCDEFGH")) + str(int(rng.integers(1, 20)))
            elif slot == "sd":
                value = str(int(rng.integers(1, 60)))
            elif slot == "smp":
                value = str(int(rng.integers(1, 25)))
            elif slot == "landmark":
                value = _pick(rng, LANDMARKS)
            elif slot == "n":
                value = str(int(rng.integers(2, 15)))
            else:
                value = _pick(rng, KANTOR)
            out = out.replace(token, value, 1)
    return out


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".?!:" else text + "."


def _informalize(rng: np.random.Generator, text: str, level: float, lower: bool = True) -> str:
    """Abbreviations, lower case, dropped punctuation, typos and stretched letters.

    With ``lower=False`` (a formal text typed in a hurry) only abbreviations and typos.
    """
    def abbreviate(match: re.Match) -> str:
        word = match.group(0)
        if rng.random() < level:
            return _pick(rng, ABBREV[word])
        return word

    if lower:
        text = text.lower()
    text = _ABBREV_RE.sub(abbreviate, text)
    if lower and rng.random() < 0.35 * level:
        text = text.replace("bapak", "pak").replace("ibu ", "bu ")
    if lower and rng.random() < 0.75 * level + 0.1:
        text = re.sub(r"[.,;:]", "", text)
        text = re.sub(r"\s+", " ", text)
    words = text.split(" ")
    # typos: one or two words get a swapped, dropped or doubled letter
    for _ in range(2):
        if rng.random() < 0.45 * level:
            idx = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
            if idx:
                typo_word(rng, words, idx)
    # stretched letters: "tolongggg", "pakkk"
    if lower and rng.random() < 0.5 * level:
        idx = [i for i, w in enumerate(words) if w.strip("?!") in STRETCH]
        if idx:
            i = _pick(rng, idx)
            w = words[i].rstrip("?!")
            words[i] = w + w[-1] * int(rng.integers(2, 5))
    text = " ".join(words)
    if lower and rng.random() < 0.12 * level:
        text = text + _pick(rng, ["!!", "!!!", "??", " ?", "..", "...", " pak", " min"])
    return text.strip()


def _problem(rng: np.random.Generator, src: str, fixed: str | None = None) -> str:
    return fixed if fixed is not None else _split(_pick(rng, PROBLEMS[src]))[1]


def _place(rng: np.random.Generator, src: str | None = None, problem: str = "") -> str:
    """A place reference fitting the problem: a spot in town, or the office or school concerned."""
    if src is None or src in SPOT_CATEGORIES:
        return _fill(rng, _pick(rng, PLACES))
    if " di " in f" {problem} " or rng.random() < 0.4:
        return ""
    if any(word in f"{problem.lower()} " for word in FACILITY_WORDS):
        return ""
    if rng.random() < 0.9:
        return _fill(rng, _pick(rng, SERVICE_PLACES[src]))
    return _fill(rng, _pick(rng, PLACES))


def _second_problem(rng: np.random.Generator, src: str, first: str) -> str:
    for _ in range(5):
        other = _problem(rng, src)
        if other != first:
            return other
    return other


def _plea(rng: np.random.Generator, src: str | None, generic: list[str], spot: list[str]) -> str:
    if src in SPOT_CATEGORIES and rng.random() < 0.35:
        return _pick(rng, spot)
    return _pick(rng, generic)


def _duration(rng: np.random.Generator, src: str | None) -> str:
    if src in RAIN_CATEGORIES and rng.random() < 0.2:
        return _pick(rng, DUR_RAIN)
    return _fill(rng, _pick(rng, DUR_INFORMAL))


def _impact(rng: np.random.Generator, src: str | None) -> str:
    if src is not None and rng.random() < 0.45:
        return _pick(rng, IMPACTS[src])
    return _pick(rng, IMPACTS_GENERIC)


# --------------------------------------------------------------------------------------
# one complaint text
# --------------------------------------------------------------------------------------

def _text_informal(rng: np.random.Generator, src: str | None, kanal: str, fixed: str | None) -> str:
    """WhatsApp, SMS or a quick app report: a run-on message in everyday language."""
    sms = kanal == "SMS"
    parts: list[str] = []
    if rng.random() < (0.25 if sms else 0.5):
        parts.append(_pick(rng, GREET_INFORMAL) + ("," if rng.random() < 0.5 else ""))
    if rng.random() < 0.45:
        parts.append(_fill(rng, _pick(rng, OPEN_INFORMAL)))
    if src is None:
        body = [_pick(rng, VAGUE)]
    else:
        problem = _problem(rng, src, fixed)
        place = _place(rng, src, problem) if rng.random() < 0.75 else ""
        if place and rng.random() < 0.25:
            body = [place, problem]
        else:
            body = [problem] + ([place] if place else [])
        if fixed is None and rng.random() < 0.12:
            body.append(_pick(rng, ["trus", "terus", "dan", "juga", "selain itu"]) + " "
                        + _second_problem(rng, src, problem))
    parts.extend(body)
    if rng.random() < 0.5:
        parts.append(_duration(rng, src))
    tail: list[str] = []
    if rng.random() < (0.25 if sms else 0.45):
        tail.append(_impact(rng, src))
    if rng.random() < 0.6:
        tail.append(_plea(rng, src, PLEA_INFORMAL, PLEA_SPOT))
    if rng.random() < (0.15 if sms else 0.3):
        tail.append(_pick(rng, CLOSE_INFORMAL))
    text = " ".join(parts)
    for piece in tail:
        text += (", " if rng.random() < 0.5 else ". ") + piece
    if sms:
        while len(text) > 160 and tail:
            tail.pop()
            text = " ".join(parts) + ("" if not tail else ", " + ", ".join(tail))
    return text


def _text_formal(rng: np.random.Generator, src: str | None, fixed: str | None) -> str:
    """Situs web: a citizen writes full sentences, polite and structured."""
    out: list[str] = []
    if rng.random() < 0.6:
        out.append(_pick(rng, GREET_FORMAL))
    opener = _fill(rng, _pick(rng, OPEN_FORMAL))
    if src is None:
        out.append(_pick(rng, VAGUE_WEB))
    else:
        problem = _problem(rng, src, fixed)
        place = _place(rng, src, problem) if rng.random() < 0.8 else ""
        out.append(_sentence(f"{opener} {problem}" + (f" {place}" if place else "")))
        if fixed is None and rng.random() < 0.1:
            out.append(_sentence("Selain itu, " + _second_problem(rng, src, problem)))
    if rng.random() < 0.55:
        out.append(_pick(rng, DUR_WEB_SENT).format(d=_fill(rng, _pick(rng, DUR_FORMAL))))
    if rng.random() < 0.35:
        if src is not None and rng.random() < 0.5:
            out.append(_sentence(_pick(rng, IMPACTS[src])))
        else:
            out.append(_pick(rng, IMPACTS_FORMAL))
    if rng.random() < 0.7:
        out.append(_plea(rng, src, PLEA_FORMAL, PLEA_FORMAL_SPOT))
    if rng.random() < 0.4:
        out.append(_pick(rng, CLOSE_FORMAL))
    text = " ".join(out)
    if out[0].endswith(",") and len(out) > 1:
        head = len(out[0]) + 1
        text = text[:head] + text[head].lower() + text[head + 1:]
    return text


def _text_staff(rng: np.random.Generator, src: str | None, fixed: str | None) -> str:
    """Tatap muka: an intake officer types a short third-person summary."""
    if src is None:
        out = [_pick(rng, VAGUE_STAFF)]
    else:
        opener = _fill(rng, _pick(rng, OPEN_STAFF))
        problem = _problem(rng, src, fixed)
        place = _place(rng, src, problem) if rng.random() < 0.8 else ""
        out = [_sentence(f"{opener} {problem}" + (f" {place}" if place else ""))]
    if rng.random() < 0.5:
        out.append(_pick(rng, DUR_STAFF_SENT).format(d=_fill(rng, _pick(rng, DUR_FORMAL))))
    if rng.random() < 0.25:
        out.append(_pick(rng, IMPACTS_FORMAL))
    if rng.random() < 0.6:
        out.append(_plea(rng, src, PLEA_STAFF, PLEA_STAFF_SPOT))
    text = " ".join(out)
    if rng.random() < 0.08:  # typed in a hurry
        text = _informalize(rng, text, 0.15, lower=False)
    return text


def _text(rng: np.random.Generator, src: str | None, kanal: str, fixed: str | None = None) -> str:
    """One complaint about a problem of category ``src`` (``None``: a vague follow-up).

    ``fixed`` forces the main problem phrase (used for border problems).
    """
    if kanal in ("WhatsApp", "SMS"):
        text = _text_informal(rng, src, kanal, fixed)
        text = _informalize(rng, text, 0.85 if kanal == "SMS" else 0.7)
        if rng.random() < 0.03:
            text = text.upper()
    elif kanal == "Aplikasi":
        if rng.random() < 0.55:
            text = _text_informal(rng, src, kanal, fixed)
            text = _informalize(rng, text, 0.35)
            if rng.random() < 0.5:
                text = text[0].upper() + text[1:]
        else:
            text = _text_formal(rng, src, fixed)
    elif kanal == "Situs web":
        text = _text_formal(rng, src, fixed)
        if rng.random() < 0.1:
            text = _informalize(rng, text, 0.1, lower=False)
    else:
        text = _text_staff(rng, src, fixed)
    return _one_rt(re.sub(r"\s+", " ", text).strip())


def _one_rt(text: str) -> str:
    """A complaint names one RT: later RT numbers repeat the first one."""
    found = re.search(r"\b(rt) (\d+)", text, flags=re.I)
    if not found:
        return text
    return re.sub(r"\b(rt) (\d+)", lambda m: f"{m.group(1)} {found.group(2)}", text, flags=re.I)


# --------------------------------------------------------------------------------------
# the frame
# --------------------------------------------------------------------------------------

def _daily_rates(days: np.ndarray) -> np.ndarray:
    """Expected complaints per day (rows) and category (columns, in CODES order)."""
    months = (days.astype("datetime64[M]").astype(int) % 12) + 1
    weekday = (days.astype("datetime64[D]").astype(int) + 3) % 7  # 1970-01-01 was a Thursday
    years = (days - START).astype(int) / 365.25
    base = WEEKDAY[weekday] * np.exp(YEARLY_GROWTH * years)
    holiday = np.ones(len(days))
    for day in IDUL_FITRI:
        offset = (days - day).astype(int)
        holiday[(offset >= -3) & (offset <= 4)] = 0.3
        holiday[((offset >= -6) & (offset <= -4)) | ((offset >= 5) & (offset <= 7))] = 0.7
    base = base * holiday
    rainy = np.isin(months, RAINY_MONTHS)
    school = np.isin(months, SCHOOL_MONTHS)
    rates = np.empty((len(days), len(CODES)))
    for k, code in enumerate(CODES):
        season = np.ones(len(days))
        if code in RAINY_BOOST:
            season = np.where(rainy, RAINY_BOOST[code], 1.0)
        if code in SCHOOL_BOOST:
            season = season * np.where(school, SCHOOL_BOOST[code], 1.0)
        season = season / season.mean()
        rates[:, k] = base * season
    # scale so that the expected shares and total are as designed
    totals = rates.sum(axis=0)
    shares = np.array([SHARES[c] for c in CODES])
    return rates * (shares * EXPECTED_ROWS / totals)


def _kecamatan_given_category() -> dict[str, np.ndarray]:
    """P(kecamatan | category) for every category code, with the planted effects.

    The joint table starts as SHARES x KECAMATAN_P (independence), the planted cells are
    multiplied by their factor, and iterative proportional fitting (a fixed number of rounds,
    plain float arithmetic, so deterministic) pulls the row sums back to SHARES and the column
    sums back to KECAMATAN_P. The category shares are untouched (the category of a row is drawn
    before its kecamatan) and the kecamatan sizes stay as designed; only the two planted cells
    (and, slightly, their row and column neighbours) move.
    """
    shares = np.array([SHARES[c] for c in CODES])
    joint = np.outer(shares, KECAMATAN_P)
    for (code, kec), factor in KECAMATAN_EFFECT.items():
        joint[CODES.index(code), KECAMATAN.index(kec)] *= factor
    for _ in range(100):
        joint *= (KECAMATAN_P / joint.sum(axis=0))[None, :]
        joint *= (shares / joint.sum(axis=1))[:, None]
    return {code: joint[k] / joint[k].sum() for k, code in enumerate(CODES)}


def _weekday(day: np.datetime64) -> int:
    """0 = Monday .. 6 = Sunday (1970-01-01 was a Thursday)."""
    return (int(day.astype(int)) + 3) % 7


def generate(seed: int) -> pd.DataFrame:
    """Return the complaint frame for ``seed`` (identical frames for identical seeds)."""
    rng = np.random.default_rng(seed)
    days = np.arange(START, END + np.timedelta64(1, "D"), dtype="datetime64[D]")
    counts = rng.poisson(_daily_rates(days))

    rows = []
    for d, day in enumerate(days):
        day_rows = [code for k, code in enumerate(CODES) for _ in range(int(counts[d, k]))]
        order = rng.permutation(len(day_rows))
        rows.extend((day, day_rows[i]) for i in order)

    span = float((END - START).astype(int))
    kec_given_cat = _kecamatan_given_category()
    records = []
    for day, code in rows:
        t = float((day - START).astype(int)) / span  # 0 .. 1 over the three years
        weekend = _weekday(day) >= 5

        # kecamatan, depending on the category (one uniform draw, as before), with a small gap
        kec = KECAMATAN[int(rng.choice(len(KECAMATAN), p=kec_given_cat[code]))]
        if rng.random() < KECAMATAN_MISSING:
            kec = None

        # channel
        p = KANAL_START * (1 - t) + KANAL_END * t
        p = p * KANAL_BY_CAT.get(code, 1.0)
        if weekend:
            p = p * np.array([1.0, 1.0, 1.0, 1.0, 0.0])
        p = p / p.sum()
        k_idx = int(rng.choice(len(KANAL), p=p))
        kanal = KANAL[k_idx]

        # which vocabulary the text comes from: own, a neighbour's border problem, or none
        r = rng.random()
        if r < P_VAGUE:
            teks = _text(rng, None, kanal)
        elif r < P_VAGUE + P_BORDER:
            home, problem = _pick(rng, BORDER_INTO[code])
            teks = _text(rng, home, kanal, fixed=problem)
        else:
            teks = _text(rng, code, kanal)

        # days to first response
        median = RESP_MEDIAN[code] * RESP_CHANNEL[k_idx] * np.exp(-0.15 * 3 * t)
        x = median * np.exp(0.8 * rng.standard_normal())
        if rng.random() < 0.05:
            x *= rng.uniform(3.0, 8.0)
        wd = _weekday(day)
        if wd == 5:
            x += 1.5
        elif wd == 6:
            x += 0.8
        for holiday in IDUL_FITRI:
            offset = int((day - holiday).astype(int))
            if -7 <= offset <= 3:
                x += 5 - offset * 0.5 if offset < 0 else 5 - offset
        hari = int(min(60, max(0, np.floor(x))))

        # status at the snapshot date
        age = int((END - day).astype(int))
        backlog = 0.02 + (0.14 * (1 - age / 365.0) if age < 365 else 0.0)
        if kanal == "SMS":
            backlog *= 1.5
        if hari > age or rng.random() < backlog:
            status, hari_out = "Belum ditanggapi", None
        else:
            recent = max(0.0, 1 - age / 120.0)
            p_proc = DIPROSES_BASE[code] + 0.35 * recent
            status = "Diproses" if rng.random() < p_proc else "Selesai"
            hari_out = hari
        year = int(str(day)[:4])
        records.append((year, str(day), kec, kanal, CATEGORIES[code], teks, hari_out, status))

    frame = pd.DataFrame.from_records(
        records, columns=["tahun", "tanggal", "kecamatan", "kanal", "kategori", "teks",
                          "hari_respons", "status"])
    running = frame.groupby("tahun").cumcount() + 1
    frame.insert(0, "id_aduan", [f"ADU-{y}-{n:05d}" for y, n in zip(frame["tahun"], running)])
    frame = frame.drop(columns="tahun")
    frame["tanggal"] = pd.to_datetime(frame["tanggal"], format="%Y-%m-%d")
    frame["hari_respons"] = pd.array(frame["hari_respons"].tolist(), dtype="Int64")
    frame = frame.sort_values(["tanggal", "id_aduan"], kind="mergesort").reset_index(drop=True)
    return frame
