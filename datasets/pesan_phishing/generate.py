"""Synthetic phishing and safe messages in Indonesian over SMS, WhatsApp and email (``pesan_phishing``).

One row per message: id, channel, sender, text, label (``phishing`` / ``aman``, the target) and
kind (``jenis``): the scam pattern for phishing, the kind of message for safe ones.

Everything is drawn from one ``numpy.random.default_rng(seed)`` in a fixed order, so the same
seed always gives the same frame and, through ``cerdas.datasets.build``, the same CSV bytes.
No Python ``hash()``, set iteration, clock or global random state is used.

How a message is made, in short:

* the label is drawn (about 40 % phishing), then the kind from fixed shares, then the channel
  from shares that depend on the kind (wedding-invitation .apk scams live on WhatsApp,
  family chat too, bank notices and promotions come by SMS and e-mail, ...);
* each kind has several scenarios; a scenario holds lists of fragments (opening, core,
  action, pressure, closing, e-mail subject) that are drawn and joined. Fragments marked
  ``R:`` are only used in a formal register, ``S:`` only in a casual one;
* slots such as ``{bank}``, ``{resi}``, ``{link_apk}`` or ``{telp}`` are filled left to right.
  Institutions are fictional (Bank Arunika, Kenari Ekspres, ...). Every URL, domain and e-mail
  address lies under the reserved top-level names ``.example`` or ``.test`` (RFC 2606), every
  phone number has the impossible ``000`` operator block, and link shorteners are fictional
  (``pendek.test/...``). ``url_dalam_teks`` finds URLs, bare domains and e-mail addresses in a
  text and ``domain_diizinkan`` says whether a domain is reserved; ``generate`` refuses to return a
  frame with any other domain, and tests can assert the same;
* casual messages get lower case, abbreviations, dropped punctuation, typos and stretched
  letters; formal ones sometimes get a typo or the classic scam misspellings ("di blokir");
* the classes overlap on purpose: safe bank reminders carry links and deadlines, safe
  promotions say "klik" and "hadiah", family chat talks about parcels, new numbers and
  transfers, official warnings mention ".apk" and OTP, while some phishing is polite, well
  written and has no link at all (reply with the code, call this number). "Look-alike"
  scenarios share their opening and middle sentences with a scenario of the other class
  (``TRX_OPEN``, ``BILL_PUBLIC``, ...), so that often only the link or the phone number
  differs; ``LOOKALIKE_WEIGHT`` sets how often they are drawn and so how hard the set is
  (TF-IDF + logistic regression, 75/25 stratified split, random_state=0: accuracy about 0.93,
  phishing recall about 0.89).
"""

from __future__ import annotations

import re

import numpy as np

from .._lib.teks import typo_word
import pandas as pd

SEED = 20251128

N_MESSAGES = 2600
P_PHISHING = 0.40

# --------------------------------------------------------------------------------------
# the reserved-name rule
# --------------------------------------------------------------------------------------

RESERVED_TLDS = ("example", "test")
FILE_EXTENSIONS = ("apk", "pdf", "jpg", "jpeg", "png", "zip", "rar", "doc", "docx", "xls", "xlsx")

_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOST = rf"(?:{_LABEL}\.)+[a-z]{{2,24}}"
_EMAIL = rf"[a-z0-9][a-z0-9._%+-]*@{_HOST}"
_URL = r"(?:https?://|www\.)[^\s<>\"'()\[\]]+"
_BARE = rf"(?<![\w@./-]){_HOST}(?:/[^\s<>\"'()\[\]]*)?"
_ANY_LINK = re.compile(rf"{_EMAIL}|{_URL}|{_BARE}", re.I)
_TRAILING = ".,;:!?)'\""


def url_dalam_teks(teks: str) -> list[str]:
    """Every URL, bare domain (``pendek.test/abc``) and e-mail address in ``teks``, in order.

    File names such as ``Foto Paket.apk`` are not domains and are left out.
    """
    found = []
    for match in _ANY_LINK.finditer(teks or ""):
        item = match.group(0).rstrip(_TRAILING)
        if "@" not in item and "://" not in item and not item.lower().startswith("www."):
            host = item.split("/")[0]
            if "/" not in item and host.rsplit(".", 1)[-1].lower() in FILE_EXTENSIONS:
                continue
        found.append(item)
    return found


def domain_dari(item: str) -> str:
    """The host name of a URL, bare domain or e-mail address, in lower case."""
    item = item.strip().lower()
    if "@" in item and "://" not in item:
        return item.rsplit("@", 1)[1]
    item = re.sub(r"^[a-z][a-z0-9+.-]*://", "", item)
    host = re.split(r"[/?#]", item, maxsplit=1)[0]
    host = host.split("@")[-1].split(":")[0]
    return host.rstrip(".")


def domain_diizinkan(domain: str) -> bool:
    """True when ``domain`` lies under a reserved top-level name (``.example`` or ``.test``)."""
    labels = domain.lower().rstrip(".").split(".")
    return len(labels) >= 2 and labels[-1] in RESERVED_TLDS


def pelanggaran_domain(teks: str) -> list[str]:
    """The URLs, domains and e-mail addresses in ``teks`` that are NOT under a reserved name."""
    return [item for item in url_dalam_teks(teks) if not domain_diizinkan(domain_dari(item))]


# --------------------------------------------------------------------------------------
# kinds, shares and channels
# --------------------------------------------------------------------------------------

PHISHING_JENIS = {
    "paket kurir .apk": 0.16,
    "undangan pernikahan .apk": 0.10,
    "hadiah/undian": 0.15,
    "bank/pemblokiran rekening": 0.17,
    "tagihan/pajak palsu": 0.10,
    "lowongan kerja": 0.12,
    "pinjaman online": 0.10,
    "akun media sosial/OTP": 0.10,
}
AMAN_JENIS = {
    "notifikasi resmi": 0.36,
    "pribadi": 0.30,
    "promosi sah": 0.19,
    "layanan publik": 0.15,
}
KANAL = ["SMS", "WhatsApp", "Email"]
KANAL_BY_JENIS = {
    "paket kurir .apk": [0.22, 0.73, 0.05],
    "undangan pernikahan .apk": [0.05, 0.95, 0.0],
    "hadiah/undian": [0.45, 0.40, 0.15],
    "bank/pemblokiran rekening": [0.40, 0.25, 0.35],
    "tagihan/pajak palsu": [0.30, 0.35, 0.35],
    "lowongan kerja": [0.15, 0.60, 0.25],
    "pinjaman online": [0.55, 0.40, 0.05],
    "akun media sosial/OTP": [0.25, 0.55, 0.20],
    "notifikasi resmi": [0.45, 0.15, 0.40],
    "pribadi": [0.12, 0.85, 0.03],
    "promosi sah": [0.35, 0.20, 0.45],
    "layanan publik": [0.40, 0.35, 0.25],
}
# probability of a formal register, per kind and channel (SMS, WhatsApp, Email)
P_FORMAL = {
    "phishing": [0.45, 0.35, 0.9],
    "notifikasi resmi": [1.0, 1.0, 1.0],  # automated notices are never typed casually
    "pribadi": [0.08, 0.05, 0.6],
    "promosi sah": [0.8, 0.7, 1.0],
    "layanan publik": [0.85, 0.7, 1.0],
}

# --------------------------------------------------------------------------------------
# fictional institutions and their official domains
# --------------------------------------------------------------------------------------

BANKS = {"Bank Arunika": "bankarunika.example", "Bank Cendana": "bankcendana.test",
         "Bank Meranti": "bankmeranti.example"}
KURIR = {"Kenari Ekspres": "kenariekspres.test", "Lintas Kirim": "lintaskirim.example",
         "Paket Bahari": "paketbahari.test"}
EWALLET = {"PelangiPay": "pelangipay.example", "Saku Bumi": "sakubumi.test"}
TOKO = {"Lapak Ria": "lapakria.example", "Pasar Sentosa": "pasarsentosa.test"}
TELCO = {"Sinyal Kita": "sinyalkita.test"}
GOV_DOMAINS = ["layanan.kota.example", "pemkot.example", "dukcapil.kota.example",
               "pajakdaerah.test", "dinkes.kota.test", "disnaker.kota.example", "air.kota.test",
               "etle-lantas.test", "bpbd.kota.example", "disdik.kota.test"]
# which office a public notice comes from: keyword in the text -> (domain, SMS sender name)
GOV_OFFICES = [
    (r"KTP|KK\b|kependudukan", "dukcapil.kota.example", "DUKCAPIL"),
    (r"pajak|PBB|Samsat", "pajakdaerah.test", "BAPENDA"),
    (r"posyandu|imunisasi|puskesmas", "dinkes.kota.test", "DINKES"),
    (r"bursa kerja|[Pp]elatihan kerja", "disnaker.kota.example", "DISNAKER"),
    (r"air\b|pipa", "air.kota.test", "INFO-AIR"),
    (r"ETLE|lalu lintas", "etle-lantas.test", "INFO-ETLE"),
    (r"cuaca|hujan", "bpbd.kota.example", "BPBD"),
    (r"peserta didik|SD dan SMP", "disdik.kota.test", "DISDIK"),
]
GOV_DEFAULT = [("layanan.kota.example", "INFO-KOTA"), ("pemkot.example", "PEMKOT")]
SHORTENERS = ["pendek.test", "sngkt.example", "tautan.test", "s.example", "klik.test"]
FREE_MAIL = ["surel.example", "posku.test", "mailku.example", "kotakmasuk.test"]
COMPANIES = ["PT Sinar Terang Abadi", "PT Mitra Karya Sejahtera", "CV Maju Bersama",
             "PT Samudra Logistik Nusantara", "PT Borneo Agro Lestari", "PT Tunas Retail Indonesia"]
KOTA = ["Balikpapan", "Samarinda", "Surabaya", "Jakarta Timur", "Makassar", "Banjarmasin"]

# --------------------------------------------------------------------------------------
# slot fillers
# --------------------------------------------------------------------------------------

_WORDS_SLUG = ["verifikasi", "konfirmasi", "klaim", "hadiah", "bonus", "cek", "info", "aktivasi",
               "update", "login", "aman", "resmi", "layanan", "promo", "nasabah", "data", "portal"]
_CODE_CHARS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _pick(rng: np.random.Generator, items):
    return items[int(rng.integers(len(items)))]


def _code(rng: np.random.Generator, n: int) -> str:
    return "".join(_CODE_CHARS[int(i)] for i in rng.integers(len(_CODE_CHARS), size=n))


def _digits(rng: np.random.Generator, n: int) -> str:
    return "".join(str(int(d)) for d in rng.integers(10, size=n))


def _tld(rng: np.random.Generator) -> str:
    return _pick(rng, RESERVED_TLDS)


def _scheme(rng: np.random.Generator, p_bare: float = 0.3) -> str:
    r = rng.random()
    if r < p_bare:
        return ""
    if r < p_bare + 0.1:
        return "www."
    return "http://" if rng.random() < 0.3 else "https://"


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _fake_host(rng: np.random.Generator, brand: str | None, words: list[str]) -> str:
    """A look-alike host for a scam: brand plus a word, a hyphenated phrase, or a brand subdomain."""
    word = _pick(rng, words)
    kind = int(rng.integers(5))
    tld = _tld(rng)
    if brand and kind == 0:
        return f"{_slug(brand)}-{word}.{tld}"
    if brand and kind == 1:
        return f"{word}-{_slug(brand)}.{tld}"
    if brand and kind == 2:  # the brand as a subdomain of someone else's name
        official = {**BANKS, **KURIR, **EWALLET, **TOKO, **TELCO}.get(brand, f"{_slug(brand)}.example")
        return f"{official}.{word}-{_pick(rng, _WORDS_SLUG)}.{tld}"
    if kind == 3:
        return f"{word}{_digits(rng, int(rng.integers(1, 4)))}.{tld}"
    return f"{word}-{_pick(rng, _WORDS_SLUG)}.{tld}"


def _short(rng: np.random.Generator) -> str:
    return f"{_pick(rng, SHORTENERS)}/{_code(rng, int(rng.integers(4, 8)))}"


def _phone(rng: np.random.Generator) -> str:
    """A phone number that cannot be real: operator block 000."""
    style = int(rng.integers(4))
    a, b = _digits(rng, 4), _digits(rng, int(rng.integers(3, 5)))
    if style == 0:
        return f"+62-000-{a}-{b}"
    if style == 1:
        return f"+62 000 {a} {b}"
    if style == 2:
        return f"+62000{a}{b}"
    return f"0000-{a}-{b}"


def _rupiah(rng: np.random.Generator, low: int, high: int, step: int) -> str:
    value = int(rng.integers(low // step, high // step + 1)) * step
    text = f"{value:,}".replace(",", ".")
    style = int(rng.integers(3))
    return f"Rp {text}" if style == 0 else (f"Rp{text}" if style == 1 else f"Rp {text},-")


def _date(rng: np.random.Generator) -> str:
    day = int(rng.integers(1, 29))
    month = int(rng.integers(1, 13))
    names = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember"]
    return f"{day:02d}/{month:02d}" if rng.random() < 0.5 else f"{day} {names[month - 1]}"


def _time(rng: np.random.Generator) -> str:
    return f"{int(rng.integers(7, 22)):02d}.{_pick(rng, ['00', '15', '30', '45', '05', '20'])}"


def _resi(rng: np.random.Generator) -> str:
    prefix = _pick(rng, ["KNR", "LK", "PB", "JP", "KE"])
    return f"{prefix}{_digits(rng, int(rng.integers(9, 13)))}"


def _handle(rng: np.random.Generator) -> str:
    first = _pick(rng, ["keluarga", "rumah", "dapur", "kebun", "anak", "ayah", "bunda", "kakak",
                        "adik", "sahabat", "teman", "warga", "pelangi", "senja", "melati", "camar"])
    second = _pick(rng, ["bahagia", "ceria", "kecil", "pagi", "kota", "pesisir", "damai", "biru",
                         "rajin", "sore", "hebat", "jaya"])
    sep = _pick(rng, [".", "_", ""])
    tail = _digits(rng, int(rng.integers(0, 4)))
    return f"{first}{sep}{second}{tail}"


def _apk_name(rng: np.random.Generator, kind: str) -> str:
    """An .apk attachment name; words are joined by underscores, as such files usually are."""
    names = {
        "paket": ["Lihat_Foto_Paket.apk", "Foto_Paket.apk", "Resi_Pengiriman.apk", "LIHAT_RESI.apk",
                  "Cek_Resi_Kiriman.apk", "Bukti_Paket_COD.apk", "Foto_Barang.apk"],
        "undangan": ["Undangan_Pernikahan_Digital.apk", "Undangan_Pernikahan.apk",
                     "Surat_Undangan.apk", "Undangan_Digital.apk", "Lihat_Undangan.apk",
                     "Undangan_Resepsi.apk"],
        "tagihan": ["Surat_Tilang_Elektronik.apk", "Rincian_Tagihan.apk", "Tagihan_PLN.apk",
                    "Cek_Pajak_Kendaraan.apk", "Surat_E_Tilang.apk", "Rincian_Tagihan_BPJS.apk"],
        "bank": ["Formulir_Tarif_Baru.apk", "Aktivasi_Nasabah.apk", "Update_Data.apk"],
    }[kind]
    return _pick(rng, names)


def _link(rng: np.random.Generator, kind: str, ctx: dict) -> str:
    """A link of a given kind; scam links use look-alike hosts, safe links official ones."""
    if kind == "short":
        return _scheme(rng, 0.6).replace("www.", "") + _short(rng)
    if kind == "apk":
        brand = ctx.get("kurir") if ctx.get("apk", "paket") == "paket" and rng.random() < 0.5 else None
        words = {"undangan": ["undangan", "unduh", "file", "lihat", "acara"],
                 "tagihan": ["tagihan", "etilang", "unduh", "file", "cek"]}.get(
                     ctx.get("apk", "paket"), ["unduh", "download", "resi", "lacak", "paket", "file", "lihat"])
        host = _fake_host(rng, brand, words)
        return f"{_scheme(rng, 0.2).replace('www.', 'http://')}{host}/{_apk_name(rng, ctx.get('apk', 'paket'))}"
    if kind in ("bank", "akun", "tagihan", "hadiah", "loker", "pinjol"):
        if rng.random() < 0.22:
            return _scheme(rng, 0.6).replace("www.", "") + _short(rng)
        brand = {"bank": ctx.get("bank"), "akun": None,
                 "hadiah": ctx.get("ewallet") if rng.random() < 0.5 else ctx.get("bank"),
                 "tagihan": None, "loker": None, "pinjol": None}[kind]
        words = {
            "bank": ["verifikasi", "blokir", "nasabah", "login", "aktivasi", "tarif", "keamanan",
                     "update", "prioritas"],
            "akun": ["verifikasi", "pemulihan", "keamanan", "login", "wa-centre", "akun", "vote"],
            "tagihan": ["tagihan", "cek-tagihan", "bayar-pajak", "etilang", "denda", "pln-info",
                        "pajak-kendaraan", "bpjs-tunggakan"],
            "hadiah": ["undian", "hadiah", "pemenang", "klaim", "bonus", "cashback", "saldo-gratis"],
            "loker": ["loker", "rekrutmen", "karir", "kerja-online", "lowongan", "hrd"],
            "pinjol": ["dana-cepat", "pinjam", "kredit-kilat", "cair", "modal-usaha", "pinjaman"],
        }[kind]
        host = _fake_host(rng, brand, words)
        path = _pick(rng, ["/", "/login", "/klaim", "/form", "/verifikasi", "/?id=" + _code(rng, 6),
                           "/" + _code(rng, 5), "/daftar", "/masuk"])
        return _scheme(rng) + host + path
    # safe links: the official host of the institution that sends the message
    if kind == "resmi":
        issuer = ctx.get("issuer")
        if issuer is None:
            host = ctx["gov"][0] if ctx.get("gov") else BANKS[ctx["bank"]]
            group = "gov" if ctx.get("jenis") == "layanan publik" else "bank"
        else:
            group, name = issuer
            host = OFFICIAL[group][name]
        path = _pick(rng, OFFICIAL_PATHS[group])
        if "{resi}" in path:
            path = path.replace("{resi}", ctx.get("resi_last") or _resi(rng))
    elif kind == "gov":
        host = ctx["gov"][0] if ctx.get("gov") else _pick(rng, GOV_DOMAINS)
        path = _pick(rng, OFFICIAL_PATHS["gov"])
    elif kind == "safe_short":
        return _short(rng)
    else:  # personal: photos, maps, a digital invitation web page, a meeting room
        host = _pick(rng, ["foto.example", "video.test", "peta.example", "undangan-digital.test",
                           "drive.example", "album.test", "rapat.example"])
        path = "/" + _code(rng, int(rng.integers(5, 9)))
    scheme = _scheme(rng, 0.25)
    if scheme == "www." and host.count(".") > 1:
        scheme = "https://"
    return scheme + host + path


OFFICIAL = {"bank": BANKS, "kurir": KURIR, "ewallet": EWALLET, "toko": TOKO, "telco": TELCO}
# every link carries a path (at least "/"), so punctuation after it never sticks to the host
OFFICIAL_PATHS = {
    "bank": ["/", "/info", "/keamanan", "/bantuan", "/kartu", "/promo"],
    "kurir": ["/lacak", "/lacak?resi={resi}", "/", "/bantuan"],
    "toko": ["/pesanan", "/promo", "/kupon", "/bantuan", "/"],
    "ewallet": ["/promo", "/bantuan", "/syarat", "/"],
    "telco": ["/paket", "/promo", "/tagihan", "/"],
    "gov": ["/", "/info", "/layanan", "/pengumuman"],
}
SOSMED = ["WhatsApp", "Instagram", "Facebook", "TikTok"]


def _fill(rng: np.random.Generator, template: str, ctx: dict) -> str:
    """Fill {slots} left to right; brand slots are fixed per message through ``ctx``."""
    def one(match: re.Match) -> str:
        slot = match.group(1)
        if slot in ("bank", "kurir", "ewallet", "toko", "telco"):
            if ctx.get("issuer") is None:  # the first institution named is the sender
                ctx["issuer"] = (slot, ctx[slot])
            return ctx[slot]
        if slot in ("sosmed", "perusahaan", "kota"):
            return ctx[slot]
        if slot == "resi":
            ctx["resi_last"] = _resi(rng)
            return ctx["resi_last"]
        if slot == "telp":
            return _phone(rng)
        if slot == "otp":
            return _digits(rng, 6) if rng.random() < 0.7 else f"{_digits(rng, 3)}-{_digits(rng, 3)}"
        if slot == "pin":
            return _code(rng, 6).upper()
        if slot == "tgl":
            return _date(rng)
        if slot == "jam":
            return _time(rng)
        if slot == "rek":
            return "***" + _digits(rng, 4)
        if slot == "rp_kecil":
            return _rupiah(rng, 15_000, 350_000, 500)
        if slot == "rp_sedang":
            return _rupiah(rng, 250_000, 2_500_000, 500)
        if slot == "rp_besar":
            return _rupiah(rng, 3_000_000, 100_000_000, 250_000)
        if slot == "gaji":
            return _pick(rng, ["Rp 4.500.000", "Rp 5-7 juta", "6jt/bln", "Rp 8.000.000", "Rp 300rb/hari",
                               "Rp 150.000 - Rp 1.500.000 per hari", "UMK + tunjangan"])
        if slot == "apk_file":
            return _apk_name(rng, ctx.get("apk", "paket"))
        if slot == "email_hrd":
            return f"hrd.{_pick(rng, ['rekrutmen', 'karir', 'loker'])}{_digits(rng, 2)}@{_pick(rng, FREE_MAIL)}"
        if slot == "n":
            return str(int(rng.integers(2, 8)))
        if slot == "persen":
            return _pick(rng, ["20%", "30%", "50%", "70%", "90%", "10%"])
        if slot.startswith("link_"):
            return _link(rng, slot[5:], ctx)
        raise KeyError(slot)

    return re.sub(r"\{([a-z_]+)\}", one, template)


# --------------------------------------------------------------------------------------
# scenarios: lists of fragments per part, drawn independently, so every opening must fit
# every core, action, pressure and closing of its scenario. "R:" marks a fragment used only
# in a formal register, "S:" only in a casual one. Parts: subjek (e-mail subject), buka,
# inti, aksi, desak, tutup. Optional keys: bobot (weight among the kind's scenarios),
# hanya (channels it may appear on), ctx (extra context), urut (keep the order fixed).
# --------------------------------------------------------------------------------------

# Openings shared by a scam and a safe scenario: the same Python list on both sides, so the
# wording of the first sentence alone cannot tell them apart.
TRX_OPEN = ["{bank}: Transfer {rp_sedang} ke rek {rek} berhasil pada {tgl} {jam}.",
            "{bank}: Transaksi {rp_sedang} dari rekening {rek} pada {tgl} {jam} sedang diproses.",
            "{bank}: Tarik tunai {rp_sedang} dari rekening {rek} pada {tgl}.",
            "{ewallet}: Pembayaran {rp_kecil} di {toko} berhasil.",
            "{ewallet}: Login baru ke akun Anda dari perangkat Android pada {tgl} {jam}.",
            "R:Nasabah Yth, ada transaksi belanja daring {rp_sedang} dengan kartu {bank} Anda.",
            "{bank}: Kartu debit Anda baru saja dipakai untuk transaksi {rp_sedang}."]
BLOCK_OPEN = ["{bank}: Kartu debit Anda diblokir sementara karena 3 kali salah memasukkan PIN.",
              "R:Nasabah {bank} Yth, data rekening Anda perlu diperbarui sesuai ketentuan terbaru.",
              "Demi keamanan, akses mobile banking {bank} Anda kami batasi sementara.",
              "R:Yth. Nasabah {bank}, masa berlaku kartu debit Anda akan berakhir bulan ini.",
              "{bank}: Rekening Anda tidak aktif selama 12 bulan dan berstatus dorman.",
              "S:info {bank}: rekening kakak perlu pembaruan data ya"]
DELIVERY_OPEN = ["{kurir}: Paket {resi} sedang diantar kurir ke alamat Anda hari ini.",
                 "{kurir}: Paket {resi} sudah tiba di gudang {kota} dan akan diantar besok.",
                 "{kurir}: Kurir kami tidak berhasil mengantar paket {resi} karena rumah kosong.",
                 "{toko}: Pesanan Anda sudah dikirim dengan {kurir}, no. resi {resi}.",
                 "S:{kurir}: kak paket resi {resi} hari ini diantar ya"]
BILL_PRIVATE = ["Tagihan kartu kredit {bank} Anda {rp_sedang} jatuh tempo {tgl}.",
                "{telco}: Tagihan pascabayar bulan ini {rp_kecil}, jatuh tempo {tgl}.",
                "{bank}: Pembayaran minimum kartu kredit Anda belum kami terima.",
                "R:Yth. Pelanggan {telco}, tagihan Anda telah melewati tanggal jatuh tempo."]
BILL_PUBLIC = ["Pengingat: pajak kendaraan bermotor Anda jatuh tempo {tgl}.",
               "Batas pembayaran PBB tahun ini adalah {tgl}.",
               "Kendaraan Anda tercatat melanggar lalu lintas (ETLE) pada {tgl}; denda tilang perlu dibayar.",
               "Tagihan air bulan ini {rp_kecil}, jatuh tempo {tgl}.",
               "R:Yth. Wajib Pajak, terdapat tagihan PBB atas objek pajak Anda yang belum dilunasi."]
WIN_OPEN = ["Selamat! Anda pemenang undian tabungan {bank} periode ini.",
            "{toko}: Selamat! Anda mendapat kupon diskon {rp_kecil} untuk belanja berikutnya.",
            "{ewallet}: Cashback {persen} untuk pembayaran di merchant pilihan masuk ke akun Anda.",
            "R:Selamat, Anda terpilih sebagai pemenang program loyalitas pelanggan {telco}.",
            "{telco}: Poin Anda bisa ditukar dengan kuota gratis."]
LOGIN_OPEN = ["{toko}: Ada upaya masuk ke akun Anda dari perangkat baru.",
              "R:{ewallet}: Kami mendeteksi aktivitas masuk yang tidak biasa pada akun Anda.",
              "{toko}: Kata sandi akun Anda baru saja diubah.",
              "{ewallet}: Nomor Anda baru saja didaftarkan di perangkat lain."]
JOB_OPEN = ["R:Terima kasih telah melamar posisi staf administrasi di {perusahaan}.",
            "R:Selamat, Anda lolos seleksi berkas untuk posisi kasir di {perusahaan}.",
            "R:Dengan hormat, {perusahaan} mengundang Anda mengikuti wawancara kerja pada {tgl}.",
            "Lamaran Anda untuk posisi admin gudang di {perusahaan} sudah kami terima."]
LOAN_OPEN = ["{bank}: Pengajuan pinjaman Anda sebesar {rp_besar} telah disetujui.",
             "R:Selamat, pengajuan KTA {bank} Anda telah kami setujui.",
             "{bank}: Dana pinjaman {rp_sedang} sudah ditransfer ke rekening Anda.",
             "{bank}: Cicilan pinjaman Anda sebesar {rp_sedang} jatuh tempo besok."]
ASK_OPEN = ["S:kak lagi sibuk gak?", "S:hai, apa kabar?", "S:ma", "S:bro", "S:say, bisa minta tolong?",
            "S:pa, aku mau minta tolong", "S:dek", "S:ini nomor baru aku ya, yg lama hilang"]
ASK_CORE = ["S:bisa pinjem uang dulu {rp_sedang}? besok aku ganti",
            "S:tolong transferin {rp_kecil} dulu ya, m-banking aku lagi error",
            "S:ada kode masuk ke hp kamu gak? tolong kirim ke aku ya",
            "S:tolong bayarin token listrik dulu, nanti aku ganti",
            "S:boleh minta tolong transfer ke rek temenku dulu? nanti aku ganti pas gajian"]


# Middle sentences shared by both sides too: scammers copy real notices word for word, and real
# notices ask people to act quickly or follow a link. What differs is mostly the link and number.
TRX_INTI = ["Jika ini Anda, abaikan pesan ini.", "Jika bukan Anda, segera hubungi kami.",
            "Jika Anda tidak melakukan transaksi ini, segera laporkan melalui tautan berikut."]
BLOCK_INTI = ["Silakan perbarui data Anda sebelum {tgl}.", "Segera lakukan pembaruan data agar transaksi tidak terganggu.",
              "Buka blokir dapat dilakukan melalui tautan berikut."]
DELIVERY_INTI = ["Silakan pilih jadwal antar ulang melalui tautan berikut.", "Mohon pastikan alamat Anda sudah benar.",
                 "Hubungi kurir bila alamat sulit ditemukan."]
BILL_INTI = ["Segera lakukan pembayaran untuk menghindari denda.", "Cek rincian dan bayar melalui tautan berikut.",
             "Abaikan jika sudah membayar."]
WIN_INTI = ["Klaim sebelum {tgl}.", "Silakan klaim melalui tautan berikut.", "Syarat & ketentuan berlaku."]
LOGIN_INTI = ["Jika bukan Anda, amankan akun Anda segera.", "Jika ini Anda, abaikan pesan ini.",
              "Jika bukan Anda, ganti kata sandi melalui tautan berikut."]
JOB_INTI = ["Mohon konfirmasi kehadiran paling lambat {tgl}.", "Wawancara dilaksanakan secara daring."]
LOAN_INTI = ["Dana akan dicairkan setelah verifikasi data.", "Cek rincian pinjaman melalui tautan berikut."]

S: dict[str, list[dict]] = {}  # jenis -> its scenarios

# ---- phishing ----------------------------------------------------------------------------

S["paket kurir .apk"] = [
    {  # the courier chat with an .apk "photo of the parcel"
        "bobot": 2.0,
        "subjek": ["Kiriman Anda tertunda", "Konfirmasi alamat pengiriman", "Paket gagal diantar"],
        "buka": ["S:permisi kak, sy kurir {kurir} mau antar paket atas nama kakak",
                 "S:halo kak ini dengan kurir {kurir}, paketnya sdh di jalan",
                 "S:assalamualaikum, ada kiriman paket buat kakak",
                 "S:pagi kak, paket kakak udah nyampe gudang transit {kota}",
                 "S:kak paketnya mau sy antar tapi rumahnya gak ketemu",
                 "S:permisi, benar ini dengan pemilik nomor ini? ada paket dari {toko}",
                 "Selamat siang, kami dari ekspedisi {kurir}.",
                 "Maaf mengganggu Bapak/Ibu, ada paket COD atas nama Bapak/Ibu.",
                 "Info pengiriman {kurir}: paket dengan resi {resi} tertahan di gudang.",
                 "R:Pelanggan yang terhormat, kiriman Anda dengan nomor resi {resi} tidak dapat kami antar.",
                 "R:Kami dari layanan pelanggan {kurir} ingin mengonfirmasi pengiriman Anda."],
        "inti": ["untuk detail paket dan fotonya silakan dicek di file ini",
                 "mohon dicek dulu foto paketnya, benar punya kakak atau bukan",
                 "alamatnya kurang lengkap, tolong cek titik lokasi di aplikasi di bawah",
                 "silakan unduh aplikasi lacak resi supaya bisa konfirmasi alamat",
                 "rincian ongkir dan tagihan COD ada di lampiran",
                 "foto resi sudah saya kirim, dibuka saja filenya",
                 "kalau merasa tidak pesan, cek dulu foto barangnya di file berikut",
                 "R:Alamat penerima tidak lengkap sehingga kurir tidak dapat menemukan lokasi.",
                 "R:Agar paket dapat diantar hari ini, mohon perbarui alamat melalui aplikasi pelacakan resmi kami.",
                 "R:Rincian biaya bea masuk atas paket Anda terlampir."],
        "aksi": ["📎 {apk_file}", "{apk_file}", "[Dokumen] {apk_file} (6,1 MB)",
                 "{link_apk}", "Unduh di sini: {link_apk}", "📎 {apk_file} 👇"],
        "desak": ["kalau tidak dikonfirmasi hari ini paket diretur ke pengirim",
                  "paket akan dikembalikan dalam 1x24 jam",
                  "segera ya kak soalnya kurir sudah di jalan",
                  "R:Apabila tidak ada konfirmasi dalam 24 jam, kiriman akan dikembalikan.",
                  "S:ditunggu ya kak biar sy bisa lanjut antar"],
        "tutup": ["Terima kasih", "S:makasih kak 🙏", "Salam, {kurir}", "R:Hormat kami, Tim {kurir}"],
        "ctx": {"apk": "paket"},
    },
    {  # a fee or customs story with a form
        "subjek": ["Paket Anda tertahan di bea cukai", "Pembayaran ongkos kirim belum lunas"],
        "buka": ["R:{kurir}: Paket Anda {resi} tertahan karena ongkos kirim kurang {rp_kecil}.",
                 "Paket anda tertahan di gudang {kurir} karena alamat tdk valid.",
                 "R:Yth. Pelanggan {kurir}, kiriman internasional Anda memerlukan pembayaran bea masuk.",
                 "S:kak paket dr {toko} ketahan di gudang, ongkirnya kurang"],
        "inti": ["Lunasi dan perbarui alamat pada tautan berikut",
                 "Silakan lakukan konfirmasi melalui aplikasi resmi kami",
                 "mohon isi data ulang di link ini",
                 "R:Silakan unduh aplikasi pelacakan untuk melihat rincian biaya."],
        "aksi": ["{link_apk}", "{link_short}", "{link_apk}"],
        "desak": ["Batas waktu hari ini pukul {jam}.", "R:Paket akan dimusnahkan bila tidak diambil dalam 3 hari.",
                  "Setelah lewat batas, paket dikembalikan."],
        "tutup": ["", "R:Terima kasih.", "{kurir}"],
        "ctx": {"apk": "paket"},
    },
    {  # dressed as an ordinary delivery update
        "bobot": 1.0,
        "subjek": ["Status pengiriman", "Paket Anda gagal diantar"],
        "buka": DELIVERY_OPEN,
        "inti": ["Alamat kurang lengkap, mohon perbarui alamat melalui aplikasi pelacakan.",
                 "Konfirmasi alamat dan jadwal antar ulang melalui aplikasi berikut.",
                 "R:Silakan konfirmasi jadwal pengantaran ulang melalui tautan berikut.",
                 "S:cek posisi kurir di aplikasi ini ya kak"],
        "aksi": ["{link_apk}", "{link_short}", "📎 {apk_file}"],
        "desak": ["", "Paket dikembalikan bila tidak ada konfirmasi hari ini."],
        "tutup": [""],
        "ctx": {"apk": "paket"},
    },
]

S["undangan pernikahan .apk"] = [
    {
        "buka": ["Assalamualaikum warahmatullahi wabarakatuh.",
                 "Tanpa mengurangi rasa hormat,",
                 "S:assalamualaikum kak, mohon maaf mengganggu",
                 "S:halo, apa kabar? lama gak ketemu ya",
                 "Dengan memohon rahmat dan ridho Allah SWT,",
                 "S:p", "S:hai, ini aku, masih ingat kan?",
                 "Om swastiastu. Dengan penuh sukacita,",
                 "Salam sejahtera. Dengan penuh sukacita,"],
        "inti": ["kami bermaksud mengundang Bapak/Ibu/Saudara/i untuk hadir pada acara pernikahan kami",
                 "kami mengundang Anda hadir di resepsi pernikahan kami",
                 "S:dateng ya ke nikahan aku bulan depan",
                 "S:aku mau nikah nih, datang ya",
                 "kami mohon doa restu atas pernikahan putra-putri kami",
                 "kami mengharapkan kehadiran Anda pada akad nikah dan resepsi kami",
                 "merupakan kehormatan bagi kami apabila Bapak/Ibu berkenan hadir di acara tasyakuran pernikahan kami"],
        "aksi": ["Undangan digital, lokasi dan waktu acara dapat dilihat pada file berikut: 📎 {apk_file}",
                 "📎 {apk_file}", "Detail acara ada di undangan ini 👇 {apk_file}",
                 "S:ini undangannya ya {apk_file}", "Silakan dibuka: {apk_file}",
                 "Lihat undangan di sini: {link_apk}"],
        "desak": ["", "Mohon dibuka ya, karena hanya bisa mengundang lewat pesan.",
                  "S:dibuka ya filenya, ada alamat gedungnya",
                  "Mohon maaf hanya bisa mengundang melalui pesan ini."],
        "tutup": ["Wassalamualaikum warahmatullahi wabarakatuh.", "Kami yang berbahagia.",
                  "S:ditunggu kehadirannya 🙏", "Atas kehadiran dan doa restunya kami ucapkan terima kasih.",
                  "Terima kasih 🙏"],
        "ctx": {"apk": "undangan"},
        "urut": True,
    },
]

S["hadiah/undian"] = [
    {  # the classic lottery win
        "bobot": 1.5,
        "subjek": ["Selamat! Anda pemenang undian", "Pemberitahuan Pemenang Program Apresiasi Nasabah",
                   "Konfirmasi hadiah Anda"],
        "buka": ["SELAMAT! Nomor Anda terpilih sebagai pemenang undian {bank} 2025",
                 "Selamat, nomor anda mendapatkan hadiah ke-2 dari {toko}",
                 "R:Dengan hormat, kami sampaikan bahwa Anda terpilih sebagai pemenang Program Apresiasi Nasabah {bank}.",
                 "S:selamat kak! nomor kakak menang undian dari {ewallet}",
                 "Pelanggan Yth, Anda mendapatkan hadiah dari program ulang tahun {ewallet}",
                 "Selamat! Akun {toko} Anda terpilih mendapat hadiah"],
        "inti": ["berupa uang tunai {rp_besar}", "hadiah 1 unit sepeda motor dan uang tunai {rp_besar}",
                 "dengan kode PIN pemenang: {pin}", "senilai {rp_besar}", "berupa voucer belanja {rp_sedang}",
                 "R:Hadiah berupa dana tunai sebesar {rp_besar} akan ditransfer ke rekening Anda."],
        "aksi": ["Info klaim: {link_hadiah}", "Klaim hadiah di {link_hadiah}", "Cek di {link_hadiah}",
                 "untuk klaim hubungi {telp}", "S:buat klaim chat admin ya di {telp}",
                 "R:Untuk proses pencairan, silakan mengisi formulir pada {link_hadiah}",
                 "Balas pesan ini dengan nama dan nomor rekening Anda."],
        "desak": ["Klaim sebelum {tgl} atau hadiah hangus", "berlaku 1x24 jam",
                  "Pajak hadiah ditanggung pemenang, transfer biaya administrasi {rp_sedang}.",
                  "R:Sesuai ketentuan, pemenang wajib membayar pajak hadiah sebesar 2,5% terlebih dahulu.",
                  "S:buruan kak sebelum hangus!!", ""],
        "tutup": ["", "Terima kasih.", "R:Salam hangat, Panitia Undian", "Info resmi: {telp}"],
    },
    {  # free balance, data or a voucher
        "buka": ["Selamat! Anda mendapat saldo gratis {rp_sedang} dari {ewallet}.",
                 "Bonus kuota 50GB untuk pelanggan setia {telco}.",
                 "Voucer belanja {toko} senilai {rp_sedang} menunggu Anda!",
                 "S:kak ada bagi-bagi saldo {ewallet} nih, aku udh dapet"],
        "inti": ["Masukkan nomor HP dan kode yang dikirim ke HP Anda di halaman klaim",
                 "Cukup login dan konfirmasi data", "S:isi aja nomor hp sama kodenya",
                 "Ambil sekarang sebelum kuota habis"],
        "aksi": ["{link_hadiah}", "{link_short}", "klik {link_hadiah}"],
        "desak": ["Hanya hari ini!", "Kuota terbatas.", "S:cepetan kak kuota terbatas", ""],
        "tutup": ["", "🎉🎉"],
    },
    {  # dressed as an ordinary promotion
        "bobot": 1.0,
        "subjek": ["Selamat! Anda terpilih", "Kupon untuk Anda"],
        "buka": WIN_OPEN,
        "inti": ["Klaim dengan login dan masukkan kode OTP yang dikirim ke HP Anda.",
                 "Hadiah dikirim setelah biaya pengiriman {rp_kecil} dibayar.",
                 "R:Mohon lengkapi data penerima hadiah melalui tautan berikut.",
                 "S:klaim di link ini ya sebelum hangus"],
        "aksi": ["{link_hadiah}", "{link_short}", "Info: {telp}"],
        "desak": ["", "Berlaku sampai {tgl}.", "Syarat & ketentuan berlaku."],
        "tutup": [""],
    },
]

S["bank/pemblokiran rekening"] = [
    {  # the account will be blocked
        "bobot": 1.4,
        "subjek": ["Rekening Anda akan diblokir", "Pemberitahuan penting: verifikasi data nasabah",
                   "Aktivitas mencurigakan pada akun Anda", "[PENTING] Pembaruan data nasabah"],
        "buka": ["Nasabah {bank} Yth, rekening Anda terdeteksi melakukan aktivitas mencurigakan",
                 "{bank}: Akun mobile banking Anda terkunci karena salah memasukkan PIN",
                 "R:Yth. Nasabah {bank}, sistem kami mendeteksi upaya akses tidak sah pada rekening Anda.",
                 "Kartu ATM {bank} anda telah diblokir sementara",
                 "PERINGATAN: rekening {bank} anda akan diblokir",
                 "R:Dalam rangka pemutakhiran data, setiap nasabah {bank} wajib melakukan verifikasi ulang.",
                 "S:selamat siang pak/bu, saya dari {bank} pusat"],
        "inti": ["Segera verifikasi data Anda agar rekening tetap aktif",
                 "Silakan lakukan aktivasi ulang melalui tautan berikut",
                 "Lakukan verifikasi melalui situs resmi kami",
                 "untuk membuka blokir masukkan nomor kartu dan PIN anda di link",
                 "R:Mohon lakukan verifikasi identitas melalui portal resmi kami.",
                 "S:mohon konfirmasi data bapak/ibu spy rekening tdk dibekukan",
                 "Balas SMS ini dengan nomor kartu dan tanggal lahir Anda"],
        "aksi": ["{link_bank}", "Klik: {link_bank}", "Verifikasi di {link_bank}",
                 "R:Akses portal: {link_bank}", "hubungi petugas kami di {telp}", ""],
        "desak": ["dalam waktu 1x24 jam", "Batas waktu hari ini pukul {jam} WIB.",
                  "Jika tidak, rekening akan dibekukan permanen.",
                  "R:Keterlambatan verifikasi menyebabkan seluruh transaksi ditangguhkan.",
                  "saldo Anda bisa hilang bila tidak segera diamankan"],
        "tutup": ["", "{bank}", "R:Hormat kami, Divisi Keamanan {bank}", "Terima kasih."],
    },
    {  # the "new transfer fee" scam
        "subjek": ["Perubahan tarif transaksi", "Konfirmasi tarif transfer baru"],
        "buka": ["Nasabah Yth, mulai besok tarif transfer {bank} berubah menjadi Rp 150.000/bulan",
                 "R:Kami informasikan bahwa {bank} memberlakukan tarif transaksi baru mulai {tgl}.",
                 "S:info dr {bank}: biaya transfer naik jd 150rb per bulan, autodebet"],
        "inti": ["Jika Anda tidak setuju, isi formulir penolakan",
                 "R:Nasabah yang ingin tetap menggunakan tarif lama dapat mengisi formulir konfirmasi.",
                 "S:kalau gak setuju isi form di bawah ya"],
        "aksi": ["{link_bank}", "📎 {apk_file}", "Formulir: {link_bank}"],
        "desak": ["sebelum pukul 23.59 hari ini", "R:Tanpa konfirmasi, Anda dianggap menyetujui tarif baru.",
                  "S:batasnya hari ini"],
        "tutup": ["", "R:Salam, {bank}", "{bank}"],
        "ctx": {"apk": "bank"},
    },
    {  # "priority customer" upgrade that needs the OTP, no link
        "subjek": ["Penawaran upgrade Nasabah Prioritas", "Kenaikan limit kartu kredit"],
        "buka": ["R:Selamat, rekening Anda memenuhi syarat menjadi Nasabah Prioritas {bank}.",
                 "S:hai kak, kakak terpilih jadi nasabah prioritas {bank} lho",
                 "Kartu kredit {bank} anda berhak naik limit"],
        "inti": ["Untuk proses upgrade, petugas kami akan menghubungi Anda. Siapkan kode OTP yang masuk ke HP Anda.",
                 "mohon kirimkan kode 6 digit yang baru saja masuk di SMS kakak",
                 "R:Silakan konfirmasi dengan menyebutkan kode verifikasi yang kami kirimkan.",
                 "Ketik YA dan kirim kode OTP yang Anda terima."],
        "aksi": ["Hubungi kami di {telp}", "WA admin: {telp}", "", "Chat ke {telp}"],
        "desak": ["Penawaran hanya berlaku hari ini.", "", "S:kuota terbatas kak"],
        "tutup": ["", "R:Salam, Relationship Manager {bank}"],
    },
    {  # dressed as a transaction alert
        "bobot": 0.8,
        "subjek": ["Notifikasi transaksi"],
        "buka": TRX_OPEN,
        "inti": ["Jika bukan Anda, segera batalkan transaksi melalui tautan berikut.",
                 "Jika Anda tidak melakukan transaksi ini, hubungi petugas kami.",
                 "R:Mohon lakukan konfirmasi agar transaksi Anda tetap aman.",
                 "S:kalau bukan kakak yg transaksi, lapor ke cs kami ya"],
        "aksi": ["{link_bank}", "Hubungi {telp}", "Info: {link_bank}", "{link_short}", "CS: {telp}"],
        "desak": ["", "Jangan berikan PIN dan OTP kepada siapa pun.", "dalam 1x24 jam"],
        "tutup": [""],
    },
    {  # dressed as a data-update or blocked-card notice
        "bobot": 0.8,
        "subjek": ["Pemberitahuan keamanan rekening", "Pembaruan data nasabah"],
        "buka": BLOCK_OPEN,
        "inti": ["Perbarui data Anda sebelum {tgl} agar rekening tidak dibatasi.",
                 "Buka blokir secara online melalui tautan berikut.",
                 "R:Silakan lakukan pembaruan data melalui tautan resmi berikut.",
                 "S:update datanya lewat link ini aja kak biar cepet"],
        "aksi": ["{link_bank}", "Info: {link_bank}", "{link_short}", "CS: {telp}"],
        "desak": ["", "dalam 1x24 jam", "Rekening yang tidak diperbarui akan dibatasi."],
        "tutup": [""],
    },
]

S["tagihan/pajak palsu"] = [
    {  # utility or tax bill with disconnection threats
        "subjek": ["Tagihan jatuh tempo", "Pemberitahuan tunggakan pajak kendaraan",
                   "Surat peringatan terakhir", "Informasi denda keterlambatan"],
        "buka": ["Tagihan listrik Anda bulan ini {rp_sedang} belum dibayar.",
                 "Pajak kendaraan Anda telah jatuh tempo dan dikenakan denda.",
                 "R:Berdasarkan data kami, terdapat tunggakan iuran BPJS atas nama Anda sebesar {rp_sedang}.",
                 "R:Yth. Wajib Pajak, tagihan PBB Anda tahun ini belum dilunasi.",
                 "Tagihan air PDAM anda menunggak 3 bulan.",
                 "S:pak/bu tagihan listriknya blm dibayar ya, mau diputus"],
        "inti": ["Layanan akan diputus hari ini pukul {jam}.",
                 "Denda akan bertambah setiap hari.",
                 "R:Apabila tidak segera dilunasi, data Anda akan diteruskan ke pihak berwajib.",
                 "Lihat rincian tagihan dan bayar melalui tautan berikut.",
                 "S:cek rinciannya di sini ya"],
        "aksi": ["{link_tagihan}", "Rincian: {link_tagihan}", "📎 {apk_file}", "Bayar di {link_tagihan}",
                 "Transfer ke rekening petugas, konfirmasi ke {telp}"],
        "desak": ["Abaikan pesan ini jika sudah membayar.", "Segera lunasi sebelum {tgl}.",
                  "R:Ini adalah pemberitahuan terakhir.", ""],
        "tutup": ["", "R:Hormat kami, Bagian Penagihan", "Terima kasih."],
        "ctx": {"apk": "tagihan"},
    },
    {  # the e-ticket (tilang) .apk
        "subjek": ["Surat Tilang Elektronik", "Bukti pelanggaran lalu lintas"],
        "buka": ["Anda tercatat melakukan pelanggaran lalu lintas pada {tgl}.",
                 "R:Kendaraan Anda terekam kamera ETLE melanggar rambu pada {tgl} pukul {jam}.",
                 "S:pak ini surat tilang elektroniknya ya"],
        "inti": ["Lihat bukti foto pelanggaran dan denda pada file berikut",
                 "R:Silakan lakukan konfirmasi pelanggaran dalam 7 hari.",
                 "buka surat tilangnya di sini"],
        "aksi": ["📎 {apk_file}", "{apk_file}", "{link_apk}"],
        "desak": ["Jika tidak dikonfirmasi, STNK akan diblokir.", "", "Denda berlipat setelah 7 hari."],
        "tutup": ["", "R:Terima kasih."],
        "ctx": {"apk": "tagihan"},
    },
    {  # dressed as an ordinary bill reminder
        "bobot": 1.2,
        "subjek": ["Pengingat jatuh tempo", "Informasi tagihan"],
        "buka": BILL_PRIVATE + BILL_PUBLIC,
        "inti": ["Segera lakukan pembayaran untuk menghindari denda.", "Cek rincian dan bayar melalui tautan berikut.",
                 "R:Pembayaran dapat dilakukan secara daring melalui portal pembayaran resmi.",
                 "Bayar di loket resmi atau melalui aplikasi berikut.",
                 "S:bayar lewat link ini aja biar cepet"],
        "aksi": ["{link_tagihan}", "Bayar: {link_tagihan}", "{link_short}", "📎 {apk_file}"],
        "desak": ["", "Abaikan jika sudah membayar.", "Layanan akan diblokir bila tidak dibayar."],
        "tutup": [""],
        "ctx": {"apk": "tagihan"},
    },
]

S["lowongan kerja"] = [
    {  # work-from-home "like and follow" task scam
        "bobot": 1.3,
        "buka": ["S:hai kak, lagi cari kerja sampingan?", "Lowongan kerja paruh waktu, bisa dari rumah!",
                 "S:halo, kami dari agensi pemasaran lagi rekrut member",
                 "Dibutuhkan segera 50 orang pekerja lepas online.",
                 "R:Selamat siang. Kami sedang membuka kesempatan kerja paruh waktu yang fleksibel."],
        "inti": ["cukup like dan follow akun, gaji {gaji}",
                 "tugasnya hanya menonton video dan memberi ulasan produk, dibayar {gaji}",
                 "R:Pekerjaan cukup dilakukan 1-2 jam per hari melalui ponsel, dengan penghasilan {gaji}.",
                 "S:kerjanya santai kak, tinggal like & share, komisi langsung cair",
                 "tanpa pengalaman, tanpa modal, bayaran {gaji}"],
        "aksi": ["Minat? Balas YA", "Daftar: {link_loker}", "Chat admin di {telp}",
                 "S:kalau minat wa aku ke {telp}", "Gabung grup kerja: {link_short}"],
        "desak": ["Slot terbatas hari ini.", "", "S:buruan kak slot tinggal dikit",
                  "Untuk aktivasi akun kerja ada deposit awal {rp_kecil} yang akan dikembalikan."],
        "tutup": ["", "Terima kasih", "S:ditunggu ya kak"],
    },
    {  # a fake interview with a fee
        "subjek": ["Undangan wawancara kerja", "Hasil seleksi administrasi", "Panggilan tes kerja"],
        "buka": ["R:Selamat, berkas lamaran Anda dinyatakan lolos seleksi administrasi di {perusahaan}.",
                 "R:Dengan hormat, kami dari tim HRD {perusahaan} mengundang Anda mengikuti wawancara.",
                 "Kami dari HRD {perusahaan} menawarkan posisi admin gudang dengan gaji {gaji}.",
                 "S:selamat siang kak, CV kakak kami terima dan lolos tahap awal"],
        "inti": ["Wawancara dilaksanakan di {kota} dan akomodasi ditanggung perusahaan.",
                 "R:Peserta wajib memesan tiket dan hotel melalui agen perjalanan rekanan kami.",
                 "biaya seragam dan pelatihan {rp_sedang} ditransfer sebelum tes",
                 "R:Sebagai jaminan keseriusan, peserta menyetor biaya administrasi {rp_sedang} yang akan dikembalikan saat penandatanganan kontrak."],
        "aksi": ["Konfirmasi ke {telp}", "Info dan reservasi: {telp}", "Isi formulir: {link_loker}",
                 "R:Kirim bukti transfer ke {email_hrd}"],
        "desak": ["R:Konfirmasi kehadiran paling lambat {tgl}.", "Kuota peserta terbatas.",
                  "Jika tidak konfirmasi hari ini dianggap mengundurkan diri.", ""],
        "tutup": ["R:Hormat kami, Tim Rekrutmen {perusahaan}", "Terima kasih.", ""],
    },
    {  # dressed as an ordinary recruitment message
        "bobot": 0.9,
        "subjek": ["Undangan wawancara", "Informasi rekrutmen"],
        "buka": JOB_OPEN,
        "inti": ["R:Peserta wajib membayar biaya administrasi {rp_sedang} sebelum tes.",
                 "Pendaftaran dan tiket tes dipesan melalui agen rekanan kami.",
                 "R:Silakan isi formulir dan unggah KTP serta foto kartu ATM Anda.",
                 "S:konfirmasi kehadiran lewat link ini ya"],
        "aksi": ["{link_loker}", "Konfirmasi: {telp}", "R:Kirim berkas ke {email_hrd}"],
        "desak": ["", "R:Konfirmasi paling lambat {tgl}."],
        "tutup": ["", "R:Hormat kami, Tim Rekrutmen {perusahaan}"],
    },
]

S["pinjaman online"] = [
    {  # quick-loan offers
        "bobot": 1.3,
        "buka": ["Butuh dana cepat?", "Pinjaman tanpa jaminan, cair dalam 5 menit!",
                 "S:butuh dana darurat kak? bisa cair hari ini",
                 "Pengajuan pinjaman Anda sebesar {rp_besar} telah DISETUJUI.",
                 "R:Selamat, Anda terpilih menerima fasilitas pinjaman tanpa agunan hingga {rp_besar}."],
        "inti": ["Bunga 0%, cukup KTP", "tanpa BI checking, tanpa survei",
                 "tenor bebas, pencairan hari ini", "R:Pencairan dilakukan setelah verifikasi data singkat.",
                 "S:syarat cuma ktp sama foto selfie"],
        "aksi": ["Daftar: {link_pinjol}", "Klik untuk pencairan: {link_pinjol}", "Hub {telp}",
                 "Ajukan di {link_short}", "S:wa aja ke {telp}"],
        "desak": ["Promo berakhir hari ini.", "", "Biaya administrasi {rp_kecil} dibayar di muka.",
                  "S:kuota harian terbatas"],
        "tutup": ["", "Terima kasih"],
    },
    {  # the wrong transfer and debt-collector threats
        "buka": ["S:maaf kak, tadi saya salah transfer {rp_sedang} ke rekening kakak",
                 "Dana pinjaman {rp_sedang} sudah kami transfer ke rekening Anda.",
                 "Anda tercatat sebagai kontak darurat dari peminjam yang menunggak.",
                 "R:Tagihan pinjaman Anda telah melewati jatuh tempo 14 hari."],
        "inti": ["mohon segera dibayar atau dikembalikan beserta bunga {persen}",
                 "jika tidak dibayar hari ini, data dan foto Anda akan kami sebarkan ke seluruh kontak",
                 "R:Kami akan menghubungi keluarga dan tempat kerja Anda apabila tidak ada pembayaran.",
                 "S:tolong diselesaikan hari ini ya, jangan pura2 gak tau"],
        "aksi": ["Hubungi {telp}", "Bayar di {link_pinjol}", "", "S:bls chat ini segera"],
        "desak": ["Batas waktu pukul {jam}.", "", "S:saya tunggu sampai sore"],
        "tutup": [""],
    },
    {  # dressed as an ordinary bank loan notice
        "bobot": 0.9,
        "buka": LOAN_OPEN,
        "inti": ["Klik untuk pencairan dana.", "Bayar biaya pencairan {rp_kecil} agar dana dapat dikirim.",
                 "R:Lengkapi data pencairan melalui tautan berikut.", "S:cek rinciannya di link ini"],
        "aksi": ["{link_pinjol}", "Hubungi {telp}", "{link_short}"],
        "desak": ["", "Batas waktu hari ini."],
        "tutup": [""],
    },
]

S["akun media sosial/OTP"] = [
    {  # "a code was sent to you by mistake"
        "buka": ["S:hai, maaf ganggu", "S:kak maaf mau nanya", "S:permisi kak",
                 "S:halo, ini temen kamu, nomorku ganti"],
        "inti": ["S:tadi kode verifikasi {sosmed} aku kekirim ke nomor kamu, boleh tolong kirim 6 digit kodenya?",
                 "S:nanti ada SMS kode masuk ke hp kakak, tolong kirim ke aku ya, salah masukin nomor",
                 "S:tolong fotoin kode yg barusan masuk ya, buat login akun aku",
                 "S:aku lagi ikut lomba, tolong vote aku ya, login pakai akun {sosmed} kamu di sini {link_akun}"],
        "aksi": [""],
        "desak": ["S:cepet ya, penting bgt", "", "S:buru2 nih"],
        "tutup": ["", "S:makasih yaa 🙏"],
        "hanya": ["WhatsApp", "SMS"],
    },
    {  # a platform warning
        "subjek": ["Akun Anda akan dinonaktifkan", "Upaya masuk mencurigakan", "Pelanggaran hak cipta pada akun Anda"],
        "buka": ["Akun {sosmed} Anda akan dinonaktifkan karena melanggar ketentuan komunitas.",
                 "R:Kami mendeteksi upaya masuk ke akun {sosmed} Anda dari perangkat baru.",
                 "R:Akun {sosmed} Anda dilaporkan melanggar hak cipta dan akan dihapus dalam 48 jam.",
                 "Centang biru untuk akun {sosmed} Anda telah disetujui!"],
        "inti": ["Amankan akun Anda dengan verifikasi ulang", "Ajukan banding melalui formulir berikut",
                 "R:Silakan konfirmasi identitas Anda untuk mencegah penonaktifan.",
                 "Masukkan kata sandi dan kode OTP untuk konfirmasi"],
        "aksi": ["{link_akun}", "Verifikasi: {link_akun}", "Banding: {link_akun}"],
        "desak": ["dalam 24 jam", "R:Jika tidak, akun akan dihapus permanen.", ""],
        "tutup": ["", "R:Tim Keamanan {sosmed}"],
    },
    {  # dressed as an ordinary login alert
        "subjek": ["Peringatan keamanan akun", "Aktivitas masuk baru"],
        "buka": LOGIN_OPEN,
        "inti": ["Jika bukan Anda, amankan akun melalui tautan berikut.",
                 "R:Mohon verifikasi identitas Anda agar akun tidak dinonaktifkan.",
                 "Jika bukan Anda, balas pesan ini dengan kode yang kami kirim."],
        "aksi": ["{link_akun}", "{link_short}", ""],
        "desak": ["", "dalam 24 jam"],
        "tutup": [""],
    },
    {  # a hijacked friend's or relative's account asks for money or a code
        "bobot": 1.6,
        "hanya": ["WhatsApp", "SMS"],
        "buka": ASK_OPEN,
        "inti": ASK_CORE,
        "aksi": [""],
        "desak": ["", "S:penting bgt", "S:jangan bilang siapa2 ya"],
        "tutup": ["", "S:makasih yaa 🙏"],
    },
]

# ---- safe ----------------------------------------------------------------------------------

S["notifikasi resmi"] = [
    {  # one-time passwords
        "bobot": 1.6,
        "subjek": ["Kode verifikasi Anda"],
        "buka": ["<#> Kode OTP {bank} Anda: {otp}.", "{ewallet}: Kode verifikasi Anda {otp}.",
                 "{otp} adalah kode verifikasi {toko} Anda.", "{bank}: Kode OTP untuk transaksi Anda: {otp}.",
                 "Kode masuk {sosmed} Anda: {otp}.", "{telco}: Kode aktivasi paket Anda {otp}."],
        "inti": ["Berlaku 5 menit.", "Berlaku selama 3 menit.", "Kode ini untuk masuk di perangkat baru.", ""],
        "aksi": ["JANGAN BERIKAN KODE INI KEPADA SIAPA PUN, termasuk petugas kami.",
                 "Jangan berikan kode ini kepada siapa pun.",
                 "Jangan berikan kode ini kepada siapa pun, termasuk pihak yang mengaku petugas kami.",
                 "RAHASIAKAN kode ini. Kami tidak pernah meminta kode OTP.",
                 "Waspada penipuan: jangan bagikan kode ini."],
        "desak": ["", "Jika Anda tidak meminta kode ini, abaikan pesan ini."],
        "tutup": [""],
        "urut": True,
    },
    {  # transaction alerts
        "bobot": 1.2,
        "subjek": ["Notifikasi transaksi"],
        "buka": TRX_OPEN,
        "inti": ["Jika ini Anda, abaikan pesan ini.",
                 "Jika bukan Anda, segera hubungi layanan pelanggan melalui nomor di balik kartu atau aplikasi resmi.",
                 "Jika Anda tidak melakukan transaksi ini, segera blokir melalui aplikasi resmi.",
                 "Konfirmasi transaksi ini di aplikasi resmi bila Anda yang melakukannya.",
                 "R:Terima kasih telah bertransaksi dengan kami."],
        "aksi": ["", "", "Info: {link_resmi}", "Call center: {telp}",
                 "Kami tidak pernah meminta PIN, OTP, atau kata sandi melalui telepon, SMS, maupun tautan."],
        "desak": [""],
        "tutup": [""],
        "urut": True,
    },
    {  # blocked cards, dormant accounts, data updates (alarming but genuine)
        "bobot": 0.9,
        "subjek": ["Pemberitahuan keamanan rekening", "Pembaruan data nasabah"],
        "buka": BLOCK_OPEN,
        "inti": ["Silakan datang ke kantor cabang terdekat dengan membawa KTP dan buku tabungan.",
                 "Perbarui data Anda melalui aplikasi resmi atau kantor cabang sebelum {tgl}.",
                 "R:Silakan lakukan pembaruan data melalui tautan resmi berikut, tanpa memasukkan PIN.",
                 "Pembaruan dapat dilakukan sendiri di menu Profil pada aplikasi resmi.",
                 "R:Kami akan menghubungi Anda hanya dari nomor resmi yang tertera di kartu."],
        "aksi": ["", "Info: {link_resmi}", "Call center: {telp}", "{link_resmi}"],
        "desak": ["", "Segera lakukan sebelum batas waktu agar transaksi tidak terganggu.",
                  "Kami tidak pernah meminta PIN atau OTP."],
        "tutup": ["", "R:Terima kasih, {bank}"],
        "urut": True,
    },
    {  # bills and due dates, with links and deadlines
        "bobot": 1.0,
        "subjek": ["Tagihan Anda", "Pengingat jatuh tempo", "Tagihan pascabayar bulan ini"],
        "buka": BILL_PRIVATE,
        "inti": ["Segera lakukan pembayaran untuk menghindari denda keterlambatan.",
                 "Bayar melalui aplikasi resmi, ATM, atau gerai resmi.",
                 "R:Mohon lakukan pembayaran sebelum tanggal jatuh tempo agar tidak dikenakan biaya keterlambatan.",
                 "Layanan dapat dibatasi bila tagihan belum dibayar.", "Abaikan jika sudah membayar.",
                 "Cek rincian dan bayar melalui tautan berikut."],
        "aksi": ["Info: {link_resmi}", "Rincian tagihan di {link_resmi}", "", "", "{link_resmi}"],
        "desak": ["", "Jangan berikan PIN dan OTP kepada siapa pun."],
        "tutup": [""],
        "urut": True,
    },
    {  # delivery updates, mostly without links
        "bobot": 1.3,
        "subjek": ["Pesanan Anda sedang dikirim", "Paket Anda telah tiba", "Status pengiriman"],
        "buka": DELIVERY_OPEN + ["{kurir}: Paket Anda ({resi}) telah diterima oleh YBS pada {tgl} pukul {jam}.",
                                 "R:{toko}: Terima kasih telah berbelanja. Pesanan Anda sedang dikemas penjual."],
        "inti": ["Mohon pastikan ada penerima di rumah.", "Paket akan diantar ulang besok tanpa biaya tambahan.",
                 "Anda tidak perlu membayar biaya apa pun kepada kurir.",
                 "Jadwal antar ulang dapat dipilih di aplikasi resmi.", "Hubungi kurir bila alamat sulit ditemukan.",
                 "Silakan konfirmasi jadwal pengantaran ulang melalui tautan berikut.",
                 "R:Kurir kami akan menghubungi Anda sebelum tiba.", ""],
        "aksi": ["", "", "Lacak di {link_resmi}", "Kurir: {telp}",
                 "Kami tidak pernah meminta Anda mengunduh file .apk untuk melihat foto paket."],
        "desak": [""],
        "tutup": [""],
        "urut": True,
    },
    {  # official warnings about scams: they mention .apk, links and OTP
        "bobot": 0.8,
        "subjek": ["Waspada penipuan mengatasnamakan kami", "Tips keamanan bertransaksi"],
        "buka": ["{bank}: Waspada penipuan file .apk berkedok undangan pernikahan, foto paket, atau surat tilang.",
                 "R:Nasabah {bank} Yth, marak penipuan yang mengatasnamakan kami melalui WhatsApp dan SMS.",
                 "{ewallet}: Hati-hati! Ada pesan palsu yang meminta Anda mengklik link dan mengisi data akun.",
                 "{kurir} mengimbau pelanggan agar tidak membuka file .apk dari nomor tidak dikenal."],
        "inti": ["Kami tidak pernah meminta PIN, OTP, atau kata sandi.",
                 "Jangan unduh aplikasi di luar toko aplikasi resmi.",
                 "R:Satu-satunya situs resmi kami adalah {link_resmi}.",
                 "Jangan klik tautan dari pengirim yang tidak dikenal."],
        "aksi": ["", "Laporkan nomor mencurigakan melalui aplikasi resmi.", "Info resmi: {link_resmi}"],
        "desak": [""],
        "tutup": ["", "R:Salam aman."],
        "urut": True,
    },
    {  # login and password alerts
        "bobot": 0.8,
        "subjek": ["Peringatan keamanan akun", "Aktivitas masuk baru"],
        "buka": LOGIN_OPEN,
        "inti": ["Jika ini Anda, abaikan pesan ini.",
                 "Jika bukan Anda, segera ganti kata sandi melalui aplikasi resmi.",
                 "R:Jika Anda tidak mengenali aktivitas ini, ubah kata sandi dan aktifkan verifikasi dua langkah.",
                 "Jika bukan Anda, amankan akun melalui tautan berikut."],
        "aksi": ["", "Jangan bagikan kode verifikasi kepada siapa pun.", "Info: {link_resmi}"],
        "desak": [""],
        "tutup": [""],
        "urut": True,
    },
    {  # a genuine recruitment message
        "bobot": 0.45,
        "hanya": ["Email", "WhatsApp"],
        "subjek": ["Undangan wawancara", "Informasi rekrutmen"],
        "buka": JOB_OPEN,
        "inti": ["R:Wawancara dilaksanakan di kantor kami; seluruh proses rekrutmen tidak dipungut biaya.",
                 "Mohon membawa KTP, ijazah, dan CV terbaru.",
                 "R:Konfirmasi kehadiran cukup dengan membalas pesan ini."],
        "aksi": [""],
        "desak": ["", "R:Konfirmasi paling lambat {tgl}."],
        "tutup": ["", "R:Hormat kami, Tim Rekrutmen {perusahaan}"],
        "urut": True,
    },
    {  # a genuine loan notice from a bank
        "bobot": 0.45,
        "subjek": ["Pengajuan pinjaman disetujui", "Pengingat cicilan"],
        "buka": LOAN_OPEN,
        "inti": ["Dana dicairkan ke rekening terdaftar Anda.", "Bayar melalui aplikasi resmi atau ATM.",
                 "R:Rincian jadwal angsuran dapat dilihat di aplikasi.", "Abaikan jika sudah membayar."],
        "aksi": ["", "Info: {link_resmi}"],
        "desak": ["", "Kami tidak pernah meminta biaya pencairan di muka."],
        "tutup": [""],
        "urut": True,
    },
]

FAMILY_CALL = ["S:ma", "S:pa", "S:kak", "S:dek", "S:bu", "S:assalamualaikum ma", "S:nak", "S:om",
               "S:tante", "S:say", "S:woy", "S:bro", "", "", "", "R:Selamat pagi."]

S["pribadi"] = [
    {  # family and friends
        "bobot": 3.0,
        "buka": FAMILY_CALL,
        "inti": ["S:nanti pulangnya jam 5 ya, jemput di depan sekolah",
                 "S:udah makan blm? di rumah masak sayur asem",
                 "S:jangan lupa beli gas sama beras ya pulang kerja",
                 "S:uang SPP bulan ini udah aku transfer ya",
                 "S:tolong transfer {rp_kecil} buat bayar listrik, nanti aku ganti",
                 "S:aku udah sampe kos, aman kok",
                 "S:paket yg kemarin udah dateng belum? td kurirnya nelpon",
                 "S:besok arisan di rumah bu RT jam 4",
                 "S:hp aku lowbat, nanti aku telpon balik",
                 "S:kunci motor aku taruh di laci ya",
                 "S:jangan lupa minggu depan nikahan sepupu, undangannya udah ditaruh di meja",
                 "S:ini nomor baru aku ya, yg lama simpen aja buat wa kerja",
                 "S:obat bapak udah diminum belum?",
                 "S:liat deh foto liburan kemarin {link_pribadi}",
                 "S:ini lokasi rumah makannya {link_pribadi}",
                 "S:aku lagi di jalan, macet bgt di km 5",
                 "S:nomor antrean puskesmas kita berapa? cek di hp kamu",
                 "S:kalau ada sms kode jangan dikasih ke siapa2 ya, lagi banyak penipuan",
                 "S:ada yg ngaku kurir kirim file apk, jangan dibuka ya",
                 "S:nanti aku kirim undangan digitalnya ya, ini linknya {link_pribadi}",
                 "S:selamat ulang tahun! semoga sehat selalu",
                 "S:anak2 udah tidur? besok bangunin subuh ya",
                 "S:rapat RT ditunda minggu depan",
                 "S:titip beliin pulsa 20rb dong, nanti aku ganti",
                 "S:ini no rek buat bayar kateringnya ya, atas nama pemilik katering",
                 "S:tugas kelompok dikumpulin besok jam 7",
                 "S:link zoom rapat RT nanti malam {link_pribadi}",
                 "S:katanya besok ada pemadaman listrik jam 9 sampai 12",
                 "S:ada promo di {toko} tuh, lumayan diskonnya",
                 "S:td aku dapet sms menang undian, pasti penipuan ya wkwk",
                 "S:hasil lab bapak udah keluar, alhamdulillah normal",
                 "S:nanti malam jadi nonton bola di pos ronda?",
                 "R:Mohon maaf, besok saya izin tidak masuk karena anak sakit.",
                 "R:Nanti sore Bapak jemput di depan sekolah, tunggu di pos satpam.",
                 "R:Uang untuk bayar listrik sudah Ibu transfer, tolong dibayarkan hari ini.",
                 "R:Jangan lupa minum obat dan istirahat yang cukup.",
                 "R:Rapat RT ditunda minggu depan karena Pak RT ada tugas ke luar kota.",
                 "R:Kalau ada yang menelepon mengaku dari bank dan minta kode, jangan dilayani.",
                 "R:Kiriman oleh-oleh dari kampung sudah sampai, terima kasih banyak."],
        "aksi": [""],
        "desak": [""],
        "tutup": ["", "", "S:🙏", "S:😂", "S:ok", "S:hehe", "S:makasih ya"],
        "urut": True,
    },
    {  # a courier on the doorstep
        "hanya": ["WhatsApp", "SMS"],
        "buka": ["S:permisi kak, sy kurir {kurir}", "S:kak saya kurir paket dari {kurir}",
                 "S:assalamualaikum, sy kurir yg antar paket", "S:halo kak, kurir {kurir}"],
        "inti": ["S:sudah di depan gerbang ya, paketnya sy titip di pos satpam",
                 "S:rumahnya yg cat hijau ya kak? sy sdh di depan",
                 "S:paketnya COD {rp_kecil} ya kak, siapkan uang pas",
                 "S:kak paketnya mau ditaruh mana ya, ga ada orang di rumah",
                 "S:alamatnya di gang yg mana ya kak? sy di depan masjid",
                 "S:paket sudah sy taruh di teras ya kak, fotonya sy kirim"],
        "aksi": [""],
        "desak": ["", "S:ditunggu kak"],
        "tutup": ["", "S:makasih kak", "S:🙏"],
        "urut": True,
    },
    {  # a seller, a repairman, a landlord
        "hanya": ["WhatsApp", "SMS"],
        "buka": ["S:halo kak, ini penjual di {toko}", "S:pak, ini tukang servis AC yg kemarin",
                 "S:kak, ini ibu kos", "S:permisi, ini dari bengkel"],
        "inti": ["S:besok jam 10 sy dtg ya, bisa?",
                 "S:maaf baru bales, tadi lagi di jalan",
                 "S:barangnya sudah siap, bisa diambil sore ini",
                 "S:pembayarannya bisa transfer atau tunai ya",
                 "S:kalau ada kendala kabari sy aja"],
        "aksi": [""],
        "desak": ["", "S:ditunggu"],
        "tutup": ["", "S:makasih", "S:🙏"],
        "urut": True,
    },
    {  # a real friend or relative asks for money or a code too
        "bobot": 0.4,
        "hanya": ["WhatsApp", "SMS"],
        "buka": ASK_OPEN,
        "inti": ASK_CORE,
        "aksi": [""],
        "desak": ["", "S:penting bgt"],
        "tutup": ["", "S:makasih yaa 🙏"],
        "urut": True,
    },
    {  # personal e-mail
        "hanya": ["Email"],
        "subjek": ["Foto acara kemarin", "Bahan rapat", "Dokumen tugas", "Kabar dari rumah"],
        "buka": ["Halo,", "Hai,", "Selamat pagi,", "Assalamualaikum,"],
        "inti": ["Ini foto-foto acara kemarin, sudah aku unggah ke album: {link_pribadi}",
                 "Terlampir bahan rapat untuk besok, mohon dicek dulu ya.",
                 "Ini dokumen tugas kelompok kita, tolong ditambahkan bagian kesimpulan.",
                 "Kabar di rumah baik. Bapak sudah mulai jalan pagi lagi."],
        "aksi": [""],
        "desak": ["", "Kalau sempat dibalas hari ini ya."],
        "tutup": ["Salam.", "Terima kasih.", "Peluk dari jauh."],
        "urut": True,
    },
]

S["promosi sah"] = [
    {  # shops, telco, e-wallets and banks advertise
        "bobot": 2.0,
        "subjek": ["Promo spesial untuk Anda", "Penawaran terbatas minggu ini", "Jangan lewatkan!",
                   "Info promo terbaru", "Khusus untuk pelanggan setia"],
        "buka": ["{toko}: Diskon hingga {persen} untuk semua kategori!",
                 "{toko}: FLASH SALE jam {jam}, gratis ongkir tanpa minimum belanja.",
                 "{telco}: Paket internet 25GB hanya Rp 50.000. Aktifkan di *000#.",
                 "{ewallet}: Cashback {persen} bayar di merchant pilihan.",
                 "Ikuti undian {bank} berhadiah mobil! Setiap transaksi Rp 500.000 dapat 1 poin. Pemenang diumumkan di situs resmi.",
                 "R:Nikmati bunga spesial KTA {bank} mulai 0,99% per bulan, diajukan dari aplikasi resmi. Berizin dan diawasi OJK.",
                 "{toko}: Kupon diskon {rp_kecil} untuk belanja berikutnya sudah masuk ke akun Anda.",
                 "{telco}: Beli paket malam, gratis kuota 10GB untuk aplikasi belajar."],
        "inti": ["Berlaku sampai {tgl}.", "Hanya hari ini!", "Buruan, stok terbatas!", "Kuota terbatas!",
                 "Syarat & ketentuan berlaku.", "Klaim sekarang sebelum kehabisan.", ""],
        "aksi": ["Cek di {link_resmi}", "Klik {link_resmi}", "Info: {link_resmi}", "Cek di aplikasi resmi.", "",
                 "Klik {link_safe_short}"],
        "desak": ["", "Ketik STOP ke 0000 untuk berhenti berlangganan.",
                  "R:Kami tidak pernah meminta kode OTP untuk promo apa pun."],
        "tutup": [""],
        "urut": True,
    },
    {  # genuine winners and coupons
        "bobot": 0.9,
        "subjek": ["Selamat! Anda terpilih", "Kupon untuk Anda"],
        "buka": WIN_OPEN,
        "inti": ["Tidak dipungut biaya apa pun.", "Kupon otomatis masuk ke akun Anda.", "Berlaku sampai {tgl}.",
                 "Klaim di aplikasi resmi sebelum {tgl}.", "R:Kami akan menghubungi Anda melalui nomor resmi.",
                 "Silakan klaim melalui tautan berikut.",
                 "R:Kami tidak pernah meminta kode OTP atau transfer biaya untuk hadiah."],
        "aksi": ["Info: {link_resmi}", "Cek di {link_resmi}", "", "{link_resmi}"],
        "desak": ["", "Syarat & ketentuan berlaku."],
        "tutup": [""],
        "urut": True,
    },
]

S["layanan publik"] = [
    {  # announcements and reminders from local government
        "bobot": 2.0,
        "subjek": ["Jadwal layanan keliling", "Pengumuman bursa kerja", "Informasi pemadaman air",
                   "Pengumuman penerimaan peserta didik baru", "Informasi layanan"],
        "buka": ["Layanan rekam KTP-el keliling di kantor kelurahan hari Sabtu pukul 08.00-12.00. Bawa KK.",
                 "Jadwal posyandu bulan ini: Selasa minggu kedua, pukul 08.00 di balai RT.",
                 "Imunisasi anak gratis di puskesmas terdekat selama bulan ini.",
                 "Disnaker Kota membuka bursa kerja pada {tgl} di gedung serbaguna, gratis untuk pencari kerja.",
                 "Pemeliharaan pipa distribusi: aliran air terhenti {tgl} pukul {jam}-18.00. Siapkan tampungan air.",
                 "Peringatan dini cuaca: potensi hujan lebat disertai angin kencang sore ini. Hindari berteduh di bawah pohon.",
                 "Pendaftaran peserta didik baru jenjang SD dan SMP dibuka mulai {tgl}.",
                 "Antrean layanan Anda di Mal Pelayanan Publik: nomor A-0{n}7, dilayani sekitar pukul {jam}.",
                 "Penyaluran bantuan sosial tahap ini dilakukan melalui kantor pos dan bank penyalur.",
                 "Pelatihan kerja gratis bidang digital dibuka untuk warga kota, kuota 30 orang per angkatan.",
                 "Uji emisi kendaraan gratis di halaman kantor kecamatan hari Kamis."],
        "inti": ["Tidak dipungut biaya.", "Informasi lebih lanjut di kantor kelurahan setempat.",
                 "R:Petugas tidak pernah meminta transfer uang atau kode OTP.",
                 "Pendaftaran hanya melalui situs resmi.", "Cek status hanya melalui situs resmi.", ""],
        "aksi": ["Info: {link_gov}", "{link_gov}", "", "", "Jadwal lengkap: {link_gov}", "Daftar di {link_gov}"],
        "desak": ["", "Kuota terbatas, segera daftar.", "Mohon disebarkan ke warga lain."],
        "tutup": ["", "R:Pemerintah Kota", "R:Terima kasih.", "Salam sehat."],
        "urut": True,
    },
    {  # public bills, fines and taxes
        "bobot": 1.0,
        "subjek": ["Pengingat jatuh tempo", "Informasi tagihan"],
        "buka": BILL_PUBLIC,
        "inti": ["Segera lakukan pembayaran untuk menghindari denda.", "Abaikan jika sudah membayar.",
                 "Bayar di loket resmi, ATM, atau aplikasi resmi pemerintah daerah.",
                 "Cek rincian dan bayar melalui tautan berikut."],
        "aksi": ["{link_gov}", "Info: {link_gov}", "", "Bayar di {link_gov}"],
        "desak": ["", "Layanan dapat dibatasi bila tagihan belum dibayar."],
        "tutup": [""],
        "urut": True,
    },
]

def _share_middles() -> None:
    """Give every look-alike scenario the middle sentences its opening shares with the other class."""
    pairs = [(TRX_OPEN, TRX_INTI), (BLOCK_OPEN, BLOCK_INTI), (DELIVERY_OPEN, DELIVERY_INTI),
             (BILL_PRIVATE, BILL_INTI), (BILL_PUBLIC, BILL_INTI), (WIN_OPEN, WIN_INTI),
             (LOGIN_OPEN, LOGIN_INTI), (JOB_OPEN, JOB_INTI), (LOAN_OPEN, LOAN_INTI)]
    for scenarios in S.values():
        for scenario in scenarios:
            for opening, middles in pairs:
                if opening[0] in scenario["buka"]:
                    extra = [m for m in middles if m not in scenario["inti"]]
                    scenario["inti"] = scenario["inti"] + extra
                    break


_share_middles()


# --------------------------------------------------------------------------------------
# casual writing
# --------------------------------------------------------------------------------------

ABBREV = {
    "tidak": ["tdk", "gak", "ga", "nggak", "gk"], "yang": ["yg"], "sudah": ["sdh", "udah", "udh"],
    "belum": ["blm"], "tolong": ["tlg"], "dengan": ["dgn"], "untuk": ["utk", "buat"],
    "karena": ["krn", "karna"], "sampai": ["sampe"], "terima kasih": ["makasih", "trims", "mksh"],
    "saja": ["aja"], "juga": ["jg"], "sekarang": ["skrg"], "lagi": ["lg"], "kalau": ["kalo", "klo"],
    "mohon": ["mhn"], "segera": ["sgr"], "tapi": ["tp"], "dari": ["dr"], "bisa": ["bs"],
    "saya": ["sy", "aku"], "hari ini": ["hr ini", "hari ni"], "nomor": ["no", "nmr"],
    "silakan": ["silahkan", "silakan"], "rekening": ["rek", "rekening"], "sebelum": ["sblm"],
    "pesan": ["psn"], "konfirmasi": ["konfirmasi", "konfirm"], "anda": ["anda", "kakak", "kk"],
    "bapak/ibu": ["bpk/ibu", "bapak/ibu"], "langsung": ["lgsg", "langsung"],
}
_ABBREV_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, ABBREV), key=len, reverse=True)) + r")\b",
                        re.I)
STRETCH = ["kak", "ya", "tolong", "makasih", "cepet", "penting", "buruan", "hai", "bgt", "ma", "pa"]
_PLACEHOLDER = re.compile(r"\x00(\d+)\x00")


def _protect(text: str) -> tuple[str, list[str]]:
    """Swap links and e-mail addresses for placeholders so that casual writing leaves them alone."""
    kept: list[str] = []

    def keep(match: re.Match) -> str:
        kept.append(match.group(0))
        return f"\x00{len(kept) - 1}\x00"

    pattern = re.compile(rf"{_EMAIL}|{_URL}|{_BARE}|\S+\.apk|\+62[\d -]+\d|0000-[\d-]+\d|\{{[a-z_]+\}}", re.I)
    return pattern.sub(keep, text), kept


def _restore(text: str, kept: list[str]) -> str:
    return _PLACEHOLDER.sub(lambda m: kept[int(m.group(1))], text)


def _typo(rng: np.random.Generator, words: list[str], chance: float) -> None:
    idx = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if idx and rng.random() < chance:
        typo_word(rng, words, idx)


def _casual(rng: np.random.Generator, text: str, level: float) -> str:
    """Lower case, abbreviations, dropped punctuation, typos and stretched letters."""
    text, kept = _protect(text)

    def abbreviate(match: re.Match) -> str:
        word = match.group(0)
        if rng.random() < level:
            return _pick(rng, ABBREV[word.lower()])
        return word

    if rng.random() < 0.85:
        text = text.lower()
    text = _ABBREV_RE.sub(abbreviate, text)
    if rng.random() < 0.6 * level + 0.1:
        text = re.sub(r"[.,;:](?=\s|$)", "", text)
    text = re.sub(r"[ \t]+", " ", text)
    words = text.split(" ")
    for _ in range(2):
        _typo(rng, words, 0.4 * level)
    if rng.random() < 0.45 * level:
        idx = [i for i, w in enumerate(words) if w.strip("?!,.").lower() in STRETCH]
        if idx:
            i = _pick(rng, idx)
            w = words[i].rstrip("?!,.")
            words[i] = w + w[-1] * int(rng.integers(2, 5))
    text = " ".join(words)
    if rng.random() < 0.1 * level:
        text = text + _pick(rng, ["!!", "!!!", "??", "..", "..."])
    return _restore(text.strip(), kept)


def _light_errors(rng: np.random.Generator, text: str, scam: bool) -> str:
    """A formal text with a slip: one typo, or the classic scam misspellings."""
    text, kept = _protect(text)
    if scam and rng.random() < 0.35:
        for good, bad in (("diblokir", "di blokir"), ("dinonaktifkan", "di nonaktifkan"),
                          ("Anda", "ANDA"), ("silakan", "silahkan"), ("terblokir", "ter blokir"),
                          ("dibekukan", "di bekukan"), ("Selamat", "SELAMAT")):
            if good in text and rng.random() < 0.6:
                text = text.replace(good, bad)
    lines = text.split("\n")
    k = int(rng.integers(len(lines)))
    words = lines[k].split(" ")
    _typo(rng, words, 0.7)
    lines[k] = " ".join(words)
    return _restore("\n".join(lines), kept)


# --------------------------------------------------------------------------------------
# one message
# --------------------------------------------------------------------------------------

def _options(items: list[str], formal: bool) -> list[str]:
    out = []
    for item in items:
        if item.startswith("R:"):
            if formal:
                out.append(item[2:])
        elif item.startswith("S:"):
            if not formal:
                out.append(item[2:])
        else:
            out.append(item)
    return out or [""]


def _part(rng: np.random.Generator, scenario: dict, key: str, formal: bool) -> str:
    options = _options(scenario.get(key, [""]), formal)
    return _pick(rng, options)


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".?!:,🙏👇🎉" or text.endswith(("{apk_file}", ")")) else text + "."


_POINTS_TO_LINK = re.compile(r"(tautan|link|file|aplikasi) (berikut|ini|di bawah)", re.I)
_HAS_LINK = re.compile(r"\{link_[a-z_]+\}|\{apk_file\}")

SHARED_OPENINGS = (TRX_OPEN, BLOCK_OPEN, DELIVERY_OPEN, BILL_PRIVATE, BILL_PUBLIC, WIN_OPEN, LOGIN_OPEN,
                   JOB_OPEN, LOAN_OPEN)  # ASK_OPEN is shared too, but keeps its own weight
LOOKALIKE_WEIGHT = 2.2  # how often the look-alike scenarios are drawn, relative to their "bobot"


def _is_lookalike(scenario: dict) -> bool:
    """A scenario whose openings are shared with the other class."""
    buka = scenario.get("buka")
    return any(buka is shared or (isinstance(buka, list) and shared[0] in buka) for shared in SHARED_OPENINGS)


def _compose(rng: np.random.Generator, jenis: str, kanal: str, formal: bool, ctx: dict) -> str:
    # a scenario may be limited to some channels; e-mail prefers scenarios with a subject line
    choices = [s for s in S[jenis] if kanal in s.get("hanya", KANAL)]
    if kanal == "Email":
        choices = [s for s in choices if s.get("subjek")] or choices
    weights = np.array([float(c.get("bobot", 1.0)) * (LOOKALIKE_WEIGHT if _is_lookalike(c) else 1.0)
                        for c in choices])
    scenario = choices[int(rng.choice(len(choices), p=weights / weights.sum()))]
    ctx.update(scenario.get("ctx", {}))

    # a formal register needs formal fragments; fall back to casual when a scenario has none
    if formal and all(item.startswith("S:") for item in scenario.get("inti", [""])):
        formal = False

    buka = _part(rng, scenario, "buka", formal)
    inti = _part(rng, scenario, "inti", formal)
    aksi = _part(rng, scenario, "aksi", formal)
    if _POINTS_TO_LINK.search(inti) and not _HAS_LINK.search(aksi):
        # "... melalui tautan berikut" needs a link after it
        with_link = [a for a in _options(scenario.get("aksi", [""]), formal) if _HAS_LINK.search(a)]
        fallback = "{link_short}" if ctx["jenis"] in PHISHING_JENIS else (
            "{link_gov}" if ctx["jenis"] == "layanan publik" else "{link_resmi}")
        aksi = _pick(rng, with_link) if with_link else fallback
    desak = _part(rng, scenario, "desak", formal) if rng.random() < 0.7 else ""
    tutup = _part(rng, scenario, "tutup", formal) if rng.random() < 0.55 else ""
    parts = [p for p in (buka, inti, aksi, desak) if p]
    if not scenario.get("urut") and len(parts) >= 3 and rng.random() < 0.25:
        parts[-1], parts[-2] = parts[-2], parts[-1]  # pressure before the action

    if kanal == "SMS" and tutup and rng.random() < 0.6:
        tutup = ""

    if formal:
        body = ""
        for p in parts:
            p = _sentence(p)
            if body.endswith(","):  # "Dengan penuh sukacita, kami ..." continues the sentence
                p = p[0].lower() + p[1:]
            body = f"{body} {p}" if body else p
        if tutup:
            body += ("\n" if kanal == "Email" else " ") + _sentence(tutup)
    else:
        joiner = [" ", ", ", ". ", "\n"]
        body = parts[0] if parts else ""
        for p in parts[1:] + ([tutup] if tutup else []):
            join = _pick(rng, joiner)
            if join != " " and body.endswith((".", ",", "!", "?")):
                join = "\n" if join == "\n" else " "
            body += join + p
    if jenis == "layanan publik":
        ctx["gov"] = next(((dom, name) for pat, dom, name in GOV_OFFICES if re.search(pat, body)), None) \
            or _pick(rng, GOV_DEFAULT)
    text = _fill(rng, body, ctx)

    if kanal == "Email":
        subject = _fill(rng, _pick(rng, scenario.get("subjek") or ["(tanpa subjek)"]), ctx)
        if formal and rng.random() < 0.7:
            issuer = ctx.get("issuer")
            whom = {"bank": ["Yth. Nasabah,", "Kepada Yth. Nasabah,"],
                    "toko": ["Yth. Pelanggan,", "Halo,"], "ewallet": ["Yth. Pengguna,", "Halo,"],
                    "kurir": ["Yth. Pelanggan,"], "telco": ["Yth. Pelanggan,"]}
            greet = _pick(rng, ["Yth. Bapak/Ibu,", "Dengan hormat,", "Selamat siang,"]
                          + (whom[issuer[0]] if issuer else ["Yth. Warga,"] if jenis == "layanan publik" else []))
            if not text.startswith(greet.split(" ")[0]):
                text = greet + "\n\n" + text
        text = f"Subjek: {subject}\n{text}"
    return text


def _sender(rng: np.random.Generator, kanal: str, label: str, jenis: str, ctx: dict) -> str:
    """Sender: a phone number with the impossible 000 block, an SMS sender name, or an e-mail.

    Safe notices come from the institution named first in the text (``ctx["issuer"]``).
    """
    issuer = ctx.get("issuer")
    if kanal == "Email":
        if label == "aman":
            if jenis == "pribadi":
                return f"{_handle(rng)}@{_pick(rng, FREE_MAIL)}"
            if jenis == "layanan publik" or (issuer is None and jenis != "notifikasi resmi"):
                domain = ctx["gov"][0] if ctx.get("gov") else GOV_DEFAULT[0][0]
                return f"{_pick(rng, ['info', 'layanan', 'noreply', 'pengumuman'])}@{domain}"
            if issuer is None:  # a company's recruiter
                return f"rekrutmen@{_slug(ctx['perusahaan'].replace('PT ', '').replace('CV ', ''))}.example"
            domain = OFFICIAL[issuer[0]][issuer[1]]
            local = ["promo", "info", "halo", "noreply"] if jenis == "promosi sah" else \
                ["noreply", "notifikasi", "info", "keamanan"]
            return f"{_pick(rng, local)}@{domain}"
        if rng.random() < 0.4:
            local = _handle(rng) if rng.random() < 0.3 else _pick(rng, ["cs", "admin", "info", "hrd", "klaim"])
            return f"{local}.{_pick(rng, ['layanan', 'resmi', 'pusat', 'official'])}{_digits(rng, 2)}@{_pick(rng, FREE_MAIL)}"
        brand = issuer[1] if issuer is not None else None
        words = {"lowongan kerja": ["rekrutmen", "karir", "hrd"], "hadiah/undian": ["undian", "hadiah", "promo"],
                 "tagihan/pajak palsu": ["tagihan", "pajak", "info"]}.get(
                     jenis, ["keamanan", "layanan", "notifikasi", "info", "support"])
        host = _fake_host(rng, brand, words)
        return f"{_pick(rng, ['noreply', 'security', 'cs', 'admin', 'no-reply'])}@{host}"
    if label == "aman" and jenis in ("notifikasi resmi", "promosi sah", "layanan publik") and kanal == "SMS" \
            and rng.random() < 0.75:
        if jenis == "layanan publik" or issuer is None:
            return ctx["gov"][1] if ctx.get("gov") else "INFO-KOTA"
        return _slug(issuer[1]).upper()[:11]
    if label == "phishing" and kanal == "SMS" and issuer is not None and rng.random() < 0.12:
        # a spoofed sender name, as sent by fake base stations
        return _pick(rng, [_slug(issuer[1]).upper()[:11], "INFO-" + _slug(issuer[1]).upper()[:6]])
    return _phone(rng)


def _message(rng: np.random.Generator, label: str, jenis: str) -> tuple[str, str, str]:
    k = int(rng.choice(3, p=np.array(KANAL_BY_JENIS[jenis]) / sum(KANAL_BY_JENIS[jenis])))
    kanal = KANAL[k]
    ctx = {"bank": _pick(rng, list(BANKS)), "kurir": _pick(rng, list(KURIR)),
           "ewallet": _pick(rng, list(EWALLET)), "toko": _pick(rng, list(TOKO)),
           "sosmed": _pick(rng, SOSMED), "perusahaan": _pick(rng, COMPANIES), "kota": _pick(rng, KOTA),
           "telco": "Sinyal Kita"}
    ctx["issuer"] = None
    ctx["jenis"] = jenis
    p_formal = P_FORMAL["phishing" if label == "phishing" else jenis][k]
    formal = bool(rng.random() < p_formal)
    text = _compose(rng, jenis, kanal, formal, ctx)
    subject = ""
    if text.startswith("Subjek: "):  # the subject line keeps its label; the body gets the style
        subject, text = text.split("\n", 1)
        subject += "\n"
    if not formal:
        level = {"SMS": 0.75, "WhatsApp": 0.6, "Email": 0.3}[kanal]
        text = _casual(rng, text, level)
    elif rng.random() < (0.22 if label == "phishing" else 0.08):
        text = _light_errors(rng, text, label == "phishing")
    text = subject + text
    if kanal == "SMS" and "\n" in text:
        text = text.replace("\n", " ")
    text = re.sub(r"[ \t]+", " ", text).replace(" \n", "\n").strip()
    sender = _sender(rng, kanal, label, jenis, ctx)
    return kanal, sender, text


def generate(seed: int) -> pd.DataFrame:
    """Return the message frame for ``seed`` (identical frames for identical seeds)."""
    rng = np.random.default_rng(seed)
    phish_names, phish_p = list(PHISHING_JENIS), np.array(list(PHISHING_JENIS.values()))
    safe_names, safe_p = list(AMAN_JENIS), np.array(list(AMAN_JENIS.values()))
    records = []
    seen = set()
    while len(records) < N_MESSAGES:
        label = "phishing" if rng.random() < P_PHISHING else "aman"
        if label == "phishing":
            jenis = phish_names[int(rng.choice(len(phish_names), p=phish_p / phish_p.sum()))]
        else:
            jenis = safe_names[int(rng.choice(len(safe_names), p=safe_p / safe_p.sum()))]
        kanal, sender, text = _message(rng, label, jenis)
        if text in seen:  # exact duplicates are rare; keep the set free of them
            continue
        seen.add(text)
        records.append((kanal, sender, text, label, jenis))
    frame = pd.DataFrame.from_records(records, columns=["kanal", "pengirim", "teks", "label", "jenis"])
    frame.insert(0, "id_pesan", [f"PSN-{i + 1:04d}" for i in range(len(frame))])

    bad = [(row.id_pesan, item) for row in frame.itertuples()
           for item in pelanggaran_domain(row.teks) + pelanggaran_domain(row.pengirim)
           + _domain_like_words(row.teks) + _domain_like_words(row.pengirim)]
    if bad:
        raise ValueError(f"non-reserved domains in generated messages: {bad[:5]}")
    return frame


_DOMAIN_LIKE = re.compile(r"\b((?:[a-z0-9-]+\.)+[a-z]{2,})(?=[/:\s\"')]|$)", re.I)


def _domain_like_words(teks: str) -> list[str]:
    """Stricter than ``url_dalam_teks``: anything shaped like a domain (even a file name such as
    ``Foto.apk``) that is not under a reserved name. Generated texts must have none, so that a
    plain scanner finds no false alarms either; attachments are named ``Foto_Paket.apk``."""
    return [d for d in _DOMAIN_LIKE.findall(teks) if not re.fullmatch(r"[\d.]+", d) and not domain_diizinkan(d)]
