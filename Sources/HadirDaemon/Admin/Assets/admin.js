// The technician page: every action calls the same /v1 API as hadirctl, authenticated by the
// HttpOnly session cookie; writes carry X-Hadir-Admin: 1, the CSRF guard the daemon checks.
"use strict";

const TEXT = {
  id: {
    title: "Halaman teknisi", logout: "Keluar", login: "Masuk", pinLabel: "PIN admin",
    disabled: "Halaman teknisi dimatikan. Isi [admin] pin_hash di hadird.toml (buat dengan `hadirctl admin-pin-hash`).",
    tabEmployees: "Pegawai", tabHealth: "Kesehatan", sync: "Sinkronkan sekarang", searchPlaceholder: "Cari PIN atau nama",
    addEmployee: "Tambah pegawai", pinPlaceholder: "PIN", namePlaceholder: "Nama", save: "Simpan", name: "Nama",
    finger: "Jari", face: "Wajah", close: "Tutup", checks: "Pemeriksaan", fingerAudit: "Audit jari", refresh: "Muat ulang",
    yes: "Ya, lanjutkan", cancel: "Batal", wrongPIN: n => `PIN salah. Sisa percobaan: ${n}.`,
    lockedOut: s => `Terlalu banyak PIN salah. Coba lagi dalam ${s} detik.`, sessionEnded: "Sesi berakhir. Silakan masuk lagi.",
    enrollFinger: "Daftarkan jari", enrollFace: "Daftarkan wajah", reEnrollFinger: "Daftar ulang jari", reEnrollFace: "Daftar ulang wajah",
    deleteFinger: "Hapus jari", deleteFace: "Hapus wajah", deleteEmployee: "Hapus pegawai", none: "—",
    enrolling: (m, p, n) => `Pendaftaran ${m} — ${n} (${p})`, fingerWord: "jari", faceWord: "wajah",
    confirmReEnroll: (m, p, n) => `${n} (${p}) sudah punya ${m} terdaftar. Daftar ulang akan mengganti ${m} lama dan dicatat di log audit. Lanjutkan?`,
    confirmDeleteFinger: (p, n) => `Hapus jari ${n} (${p})? Pegawai tidak bisa absen dengan jari sampai didaftarkan lagi.`,
    confirmDeleteFace: (p, n) => `Hapus wajah ${n} (${p})?`,
    confirmDeleteEmployee: (p, n) => `Hapus pegawai ${n} (${p}) beserta jari dan wajahnya? Data absensi tetap tersimpan.`,
    enrolled: "Berhasil didaftarkan.", reEnrolled: "Berhasil didaftarkan ulang.", unchanged: "Jari yang sama sudah terdaftar; tidak ada yang berubah.",
    refused: "Ditolak", owner: (name, pin) => `Pemilik jari: ${name} (PIN ${pin})`, failed: "Gagal",
    synced: "Sinkronisasi diminta.", noUplink: "Tidak ada server yang dikonfigurasi.", saved: "Tersimpan.", deleted: "Terhapus.",
    connected: "tersambung", disconnected: "tidak tersambung", clockSynced: "jam tersinkron", clockUnsynced: "jam belum sinkron — absen ditandai",
    backlog: (n) => `antrean ${n} absen`, lastError: "galat terakhir", storageFull: "penyimpanan penuh", storageOk: "penyimpanan",
    pullOn: "port 4370 mendengarkan", pullOff: "port 4370 mati", auditClean: "Tidak ada masalah.", moduleUnchecked: "modul tidak diperiksa (pemindai tidak tersambung)",
    doctorNote: "Sama dengan `hadirctl doctor`, dijalankan oleh hadird.",
  },
  en: {
    title: "Technician page", logout: "Log out", login: "Log in", pinLabel: "Admin PIN",
    disabled: "The technician page is disabled. Set [admin] pin_hash in hadird.toml (make one with `hadirctl admin-pin-hash`).",
    tabEmployees: "Employees", tabHealth: "Health", sync: "Sync now", searchPlaceholder: "Search PIN or name",
    addEmployee: "Add employee", pinPlaceholder: "PIN", namePlaceholder: "Name", save: "Save", name: "Name",
    finger: "Finger", face: "Face", close: "Close", checks: "Checks", fingerAudit: "Finger audit", refresh: "Refresh",
    yes: "Yes, go ahead", cancel: "Cancel", wrongPIN: n => `Wrong PIN. Tries left: ${n}.`,
    lockedOut: s => `Too many wrong PINs. Try again in ${s} seconds.`, sessionEnded: "Your session ended. Please log in again.",
    enrollFinger: "Enroll finger", enrollFace: "Enroll face", reEnrollFinger: "Re-enroll finger", reEnrollFace: "Re-enroll face",
    deleteFinger: "Delete finger", deleteFace: "Delete face", deleteEmployee: "Delete employee", none: "—",
    enrolling: (m, p, n) => `Enrolling ${m} — ${n} (${p})`, fingerWord: "finger", faceWord: "face",
    confirmReEnroll: (m, p, n) => `${n} (${p}) already has a ${m} enrolled. Re-enrolling replaces it and is recorded in the audit log. Continue?`,
    confirmDeleteFinger: (p, n) => `Delete the finger of ${n} (${p})? They cannot punch by finger until enrolled again.`,
    confirmDeleteFace: (p, n) => `Delete the face of ${n} (${p})?`,
    confirmDeleteEmployee: (p, n) => `Delete employee ${n} (${p}) with their finger and face? Attendance records are kept.`,
    enrolled: "Enrolled.", reEnrolled: "Re-enrolled.", unchanged: "The same finger is already enrolled; nothing changed.",
    refused: "Refused", owner: (name, pin) => `Finger owner: ${name} (PIN ${pin})`, failed: "Failed",
    synced: "Sync requested.", noUplink: "No server is configured.", saved: "Saved.", deleted: "Deleted.",
    connected: "connected", disconnected: "not connected", clockSynced: "clock synchronised", clockUnsynced: "clock not synchronised — punches are flagged",
    backlog: (n) => `${n} punches waiting`, lastError: "last error", storageFull: "storage full", storageOk: "storage",
    pullOn: "port 4370 listening", pullOff: "port 4370 off", auditClean: "No problems.", moduleUnchecked: "module not checked (scanner not connected)",
    doctorNote: "The same checks as `hadirctl doctor`, run by hadird.",
  },
};

let language = localStorage.getItem("hadir-admin-language") || "id";
let users = [];
const $ = id => document.getElementById(id);
const t = (key, ...args) => { const v = TEXT[language][key]; return typeof v === "function" ? v(...args) : v; };

function applyLanguage() {
  document.documentElement.lang = language;
  $("language").textContent = language === "id" ? "English" : "Bahasa Indonesia";
  document.querySelectorAll("[data-t]").forEach(el => { el.textContent = t(el.dataset.t); });
  document.querySelectorAll("[data-tp]").forEach(el => { el.placeholder = t(el.dataset.tp); });
  renderUsers();
}

class SessionEnded extends Error {}

async function api(method, path, body) {
  const response = await fetch(path, {
    method, credentials: "same-origin",
    headers: { "X-Hadir-Admin": "1", ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (response.status === 401 && path.startsWith("/v1/")) { showLogin(t("sessionEnded")); throw new SessionEnded(); }
  return response;
}

async function json(method, path, body) {
  const response = await api(method, path, body);
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error || `HTTP ${response.status}`);
  return data;
}

function notice(text, kind) {
  const el = $("notice");
  el.textContent = text;
  el.className = kind || "";
  el.hidden = !text;
}

function report(error) {
  if (!(error instanceof SessionEnded)) notice(`${t("failed")}: ${error.message}`, "error");
}

function showLogin(message) {
  $("app").hidden = true;
  $("logout").hidden = true;
  $("login").hidden = false;
  $("login-error").textContent = message || "";
  $("pin").focus();
}

async function showApp() {
  $("login").hidden = true;
  $("app").hidden = false;
  $("logout").hidden = false;
  await loadUsers();
}

async function start() {
  applyLanguage();
  const session = await (await fetch("/admin/session", { credentials: "same-origin" })).json();
  if (!localStorage.getItem("hadir-admin-language") && TEXT[session.language]) { language = session.language; applyLanguage(); }
  if (!session.enabled) { $("disabled").hidden = false; return; }
  if (session.logged_in) await showApp(); else showLogin();
}

async function login(event) {
  event.preventDefault();
  const response = await api("POST", "/admin/login", { pin: $("pin").value });
  $("pin").value = "";
  const data = await response.json().catch(() => ({}));
  if (response.ok) { notice(""); await showApp(); return; }
  if (response.status === 429) $("login-error").textContent = t("lockedOut", data.retry_after_s);
  else if (response.status === 401) $("login-error").textContent = t("wrongPIN", data.remaining_attempts);
  else $("login-error").textContent = data.error || `HTTP ${response.status}`;
}

async function logout() {
  await api("POST", "/admin/logout").catch(() => {});
  showLogin();
}

async function loadUsers() {
  users = await json("GET", "/v1/users");
  renderUsers();
}

function button(label, handler, className) {
  const el = document.createElement("button");
  el.type = "button";
  el.textContent = label;
  if (className) el.className = className;
  el.addEventListener("click", () => handler().catch(report));
  return el;
}

function cell(row, text) {
  const td = document.createElement("td");
  td.textContent = text;
  row.appendChild(td);
  return td;
}

function renderUsers() {
  const body = $("users");
  if (!body) return;
  const query = $("search").value.trim().toLowerCase();
  body.replaceChildren();
  for (const user of users.filter(u => !query || u.pin.includes(query) || u.name.toLowerCase().includes(query)).slice(0, 200)) {
    const row = document.createElement("tr");
    cell(row, user.pin);
    cell(row, user.name);
    cell(row, user.slot ?? t("none"));
    cell(row, user.face_id ?? t("none"));
    const actions = cell(row, "");
    actions.className = "actions";
    const hasFinger = user.slot !== undefined && user.slot !== null;
    const hasFace = user.face_id !== undefined && user.face_id !== null;
    actions.append(button(hasFinger ? t("reEnrollFinger") : t("enrollFinger"), () => startEnroll(user, "fingerprint", hasFinger), "primary"));
    actions.append(button(hasFace ? t("reEnrollFace") : t("enrollFace"), () => startEnroll(user, "face", hasFace)));
    if (hasFinger) actions.append(button(t("deleteFinger"), () => remove(user, "finger"), "danger"));
    if (hasFace) actions.append(button(t("deleteFace"), () => remove(user, "face"), "danger"));
    actions.append(button(t("deleteEmployee"), () => remove(user, ""), "danger"));
    body.appendChild(row);
  }
}

function confirmStep(text) {
  return new Promise(resolve => {
    const dialog = $("confirm");
    $("confirm-text").textContent = text;
    const done = answer => { dialog.close(); $("confirm-yes").onclick = $("confirm-no").onclick = null; resolve(answer); };
    $("confirm-yes").onclick = () => done(true);
    $("confirm-no").onclick = () => done(false);
    dialog.showModal();
  });
}

async function remove(user, what) {
  const question = what === "finger" ? t("confirmDeleteFinger", user.pin, user.name)
    : what === "face" ? t("confirmDeleteFace", user.pin, user.name) : t("confirmDeleteEmployee", user.pin, user.name);
  if (!(await confirmStep(question))) return;
  await json("DELETE", `/v1/users/${encodeURIComponent(user.pin)}${what ? "/" + what : ""}`);
  notice(t("deleted"), "ok");
  await loadUsers();
}

async function addEmployee(event) {
  event.preventDefault();
  await json("POST", "/v1/users", { pin: $("add-pin").value.trim(), name: $("add-name").value.trim() });
  $("add").reset();
  $("add").hidden = true;
  notice(t("saved"), "ok");
  await loadUsers();
}

// Reads the /v1/enroll server-sent events from a POST (EventSource can only GET).
async function* serverSentEvents(response) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, "\n");
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = "message", data = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (data.length) yield { event, data: JSON.parse(data.join("\n")) };
    }
  }
}

async function startEnroll(user, modality, replace) {
  const word = modality === "face" ? t("faceWord") : t("fingerWord");
  if (replace && !(await confirmStep(t("confirmReEnroll", word, user.pin, user.name)))) return;
  notice("");
  $("enroll").hidden = false;
  $("employees").hidden = true;
  $("enroll-title").textContent = t("enrolling", word, user.pin, user.name);
  $("stages").replaceChildren();
  const result = $("enroll-result");
  result.textContent = "";
  result.className = "";
  const response = await api("POST", "/v1/enroll", { pin: user.pin, replace, modality });
  if (!response.ok) {
    const data = await response.json().catch(() => ({}));
    result.textContent = `${t("failed")}: ${data.error || response.status}`;
    result.className = "error";
    return;
  }
  for await (const { event, data } of serverSentEvents(response)) {
    if (event === "stage") {
      document.querySelectorAll("#stages li").forEach(li => li.classList.remove("current"));
      const li = document.createElement("li");
      li.textContent = data.message;
      li.className = "current";
      li.dataset.code = data.detail || data.event;
      $("stages").appendChild(li);
    } else if (event === "result") {
      showResult(data);
    } else if (event === "error") {
      result.textContent = `${t("failed")}: ${data.error}`;
      result.className = "error";
    }
  }
  await loadUsers();
}

function showResult(data) {
  const result = $("enroll-result");
  if (data.status === "refused") {
    result.className = "refused";
    // The daemon's message already says it was refused and whose finger it is.
    result.textContent = data.message;
    if (data.owner_pin) {
      const owner = document.createElement("span");
      owner.id = "refusal-owner";
      owner.textContent = " " + t("owner", data.owner_name || "?", data.owner_pin);
      result.appendChild(owner);
    }
    return;
  }
  result.className = "ok";
  result.textContent = data.status === "re_enrolled" ? t("reEnrolled") : data.status === "unchanged" ? t("unchanged") : t("enrolled");
}

function check(list, ok, text, level) {
  const li = document.createElement("li");
  li.className = ok ? "ok" : level || "error";
  li.textContent = `${ok ? "✔" : "✖"} ${text}`;
  list.appendChild(li);
}

// `hadirctl doctor`, run inside hadird (GET /v1/doctor): scanners, database, disk, clock, network,
// DHCP, every server and port 4370, each with its fix; then the finger audit.
async function loadHealth() {
  const status = await json("GET", "/v1/status");
  $("serial").textContent = `${status.serial} · ${status.version}`;
  const checks = $("checks");
  checks.replaceChildren();
  for (const c of await json("GET", "/v1/doctor")) {
    const li = document.createElement("li");
    li.className = c.level === "OK" ? "ok" : c.level === "WARN" ? "warn" : "error";
    li.textContent = `${c.level === "OK" ? "✔" : c.level === "WARN" ? "!" : "✖"} ${c.subject}: ${c.detail}`;
    if (c.fix) {
      const fix = document.createElement("div");
      fix.className = "fix";
      fix.textContent = `→ ${c.fix}`;
      li.appendChild(fix);
    }
    checks.appendChild(li);
  }
  const note = document.createElement("li");
  note.textContent = t("doctorNote");
  checks.appendChild(note);

  const audit = await json("GET", "/v1/audit-fingers");
  const list = $("audit");
  list.replaceChildren();
  let problems = 0;
  for (const [key, value] of Object.entries(audit)) {
    const empty = Array.isArray(value) ? value.length === 0 : (typeof value === "object" && value !== null ? Object.keys(value).length === 0 : true);
    if (!empty) { problems++; check(list, false, `${key}: ${JSON.stringify(value)}`); }
  }
  if (audit.module_checked === false) check(list, false, t("moduleUnchecked"), "warn");
  if (!problems) check(list, true, t("auditClean"));
}

async function syncNow() {
  const response = await api("POST", "/v1/sync");
  const data = await response.json().catch(() => ({}));
  if (response.ok) notice(t("synced"), "ok");
  else notice(response.status === 409 ? t("noUplink") : `${t("failed")}: ${data.error}`, "error");
}

function showTab(name) {
  for (const tab of document.querySelectorAll(".tab")) tab.hidden = tab.id !== name;
  $("enroll").hidden = true;
  if (name === "health") loadHealth().catch(report);
  else loadUsers().catch(report);
}

document.addEventListener("DOMContentLoaded", () => {
  $("login").addEventListener("submit", e => login(e).catch(report));
  $("logout").addEventListener("click", () => logout());
  $("language").addEventListener("click", () => {
    language = language === "id" ? "en" : "id";
    localStorage.setItem("hadir-admin-language", language);
    applyLanguage();
  });
  $("search").addEventListener("input", renderUsers);
  $("show-add").addEventListener("click", () => { $("add").hidden = !$("add").hidden; });
  $("add").addEventListener("submit", e => addEmployee(e).catch(report));
  $("enroll-close").addEventListener("click", () => showTab("employees"));
  $("sync").addEventListener("click", () => syncNow().catch(report));
  $("refresh").addEventListener("click", () => loadHealth().catch(report));
  for (const el of document.querySelectorAll("[data-tab]")) el.addEventListener("click", () => showTab(el.dataset.tab));
  start().catch(report);
});
