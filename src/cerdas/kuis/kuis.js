function (id) {
  // cerdas.kuis: checks the answers of the quiz around this script, in the page only (nothing stored or sent).
  // The renderer calls it with the quiz's id: (function (id) {...})("kuis-...").
  var script = document.currentScript;
  var root = (script && script.closest(".cerdas-kuis")) || document.getElementById(id);
  if (!root || root.getAttribute("data-siap")) return;
  root.setAttribute("data-siap", "1");

  function bilangan(teks) {  // "0,75", "0.75", "1.234,5", " 12 " -> number; NaN when not a number
    var t = teks.replace(/[\s\u00a0]/g, "");
    if (t.indexOf(",") >= 0) t = t.replace(/\./g, "").replace(",", ".");
    return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? parseFloat(t) : NaN;
  }

  function tandai(el, benar) {
    el.classList.remove("ck-ya", "ck-tidak");
    if (benar !== null) el.classList.add(benar ? "ck-ya" : "ck-tidak");
  }

  function periksaPilihan(soal) {
    var opsi = soal.querySelectorAll(".ck-opsi"), dipilih = 0, tepat = true, banyak = soal.getAttribute("data-jenis") === "banyak";
    for (var i = 0; i < opsi.length; i++) {
      var o = opsi[i], input = o.querySelector("input"), benar = o.getAttribute("data-benar") === "1";
      var jelas = o.querySelector(".ck-jelas"), pilih = input.checked;
      if (pilih) dipilih++;
      if (pilih !== benar) tepat = false;
      var tampil = pilih || (banyak && benar);
      jelas.hidden = !tampil;
      tandai(o, tampil ? benar : null);
      var awal = jelas.querySelector(".ck-status");
      awal.textContent = !tampil ? "" : pilih ? (benar ? "Benar. " : "Keliru. ") : "Terlewat (jawaban benar). ";
    }
    if (!dipilih) {
      for (var j = 0; j < opsi.length; j++) { opsi[j].querySelector(".ck-jelas").hidden = true; tandai(opsi[j], null); }
      return [null, banyak ? "Pilih dulu jawaban Anda (boleh lebih dari satu)." : "Pilih dulu satu jawaban."];
    }
    return [tepat, tepat ? "Benar! Penjelasan ada di bawah setiap pilihan Anda."
      : "Belum tepat. Baca penjelasan di bawah pilihan, lalu coba lagi."];
  }

  function periksaAngka(soal) {
    var input = soal.querySelector("input"), jelas = soal.querySelector(".ck-jelas");
    var nilai = bilangan(input.value), target = parseFloat(input.getAttribute("data-jawaban"));
    var toleransi = parseFloat(input.getAttribute("data-toleransi"));
    if (isNaN(nilai)) {
      jelas.hidden = true;
      return [null, "Tulis sebuah bilangan, misalnya 0,75."];
    }
    var tepat = Math.abs(nilai - target) <= toleransi + 1e-9 * Math.max(1, Math.abs(target));
    jelas.hidden = false;
    jelas.querySelector(".ck-status").textContent = tepat ? "Benar. " : "Belum tepat. ";
    return [tepat, tepat ? "Benar! Penjelasan ada di bawah." : "Belum tepat. Baca penjelasan di bawah, lalu coba lagi."];
  }

  function periksa(soal) {
    var hasil = soal.querySelector(".ck-hasil");
    var r = soal.getAttribute("data-jenis") === "angka" ? periksaAngka(soal) : periksaPilihan(soal);
    tandai(hasil, r[0]);
    hasil.textContent = r[1];
  }

  function jelas(sumber, id) {  // a hidden explanation under an option: a copy of its text in the details
    var p = document.createElement("p"), status = document.createElement("span");
    p.className = "ck-jelas";
    p.id = id;
    p.hidden = true;
    status.className = "ck-status";
    p.appendChild(status);
    for (var c = sumber.firstChild; c; c = c.nextSibling) p.appendChild(c.cloneNode(true));
    return p;
  }

  var semua = root.querySelectorAll(".ck-soal");
  for (var k = 0; k < semua.length; k++) {
    var soal = semua[k], sumber = soal.querySelectorAll("details .ck-sumber"), opsi = soal.querySelectorAll(".ck-opsi");
    for (var n = 0; n < opsi.length && n < sumber.length; n++) {
      var input = opsi[n].querySelector("input"), id = input.id + "-j";
      opsi[n].appendChild(jelas(sumber[n], id));
      input.setAttribute("aria-describedby", ((input.getAttribute("aria-describedby") || "") + " " + id).trim());
    }
    var tombol = document.createElement("button");
    tombol.type = "button";
    tombol.className = "ck-periksa";
    tombol.textContent = "Periksa jawaban";
    soal.insertBefore(tombol, soal.querySelector(".ck-hasil"));
  }
  root.addEventListener("click", function (e) {
    var t = e.target.closest && e.target.closest(".ck-periksa");
    if (t) periksa(t.closest(".ck-soal"));
  });
  root.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && e.target.matches && e.target.matches("input[type=text]")) {
      e.preventDefault();
      periksa(e.target.closest(".ck-soal"));
    }
  });
}
