// Every text the console shows, Indonesian first, English beside it.
export const strings = {
  id: {
    appName: "Loket · Helpdesk LPSE",
    signIn: "Masuk", signOut: "Keluar", staffId: "ID petugas", password: "Kata sandi",
    signInTitle: "Masuk ke konsol helpdesk", signInHint: "Gunakan akun yang dibuat oleh admin kantor Anda.",
    errorSummary: "Ada masalah", wrongPassword: "ID atau kata sandi salah.",
    newTickets: "Tiket Baru", myTickets: "Tiket Proses", allTickets: "Daftar Tiket", agenda: "Jadwal Verifikasi",
    number: "No.", title: "Layanan", company: "Perusahaan", reporter: "Pelapor", created: "Masuk", status: "Status",
    sla: "Sisa SLA", waitingOn: "Menunggu", nothing: "Tidak ada tiket.", search: "Cari nomor, perusahaan, telepon, NPWP",
    filterStatus: "Status", anyStatus: "Semua status terbuka", loading: "Memuat…", live: "Langsung", offline: "Terputus — mencoba lagi",
    breached: "Terlambat", paused: "Dijeda", stopped: "Selesai",
    details: "Data tiket", activity: "Aktivitas", documents: "Dokumen", open: "Lihat", noDocuments: "Belum ada dokumen.", voiceNote: "Pesan suara", video: "Video",
    businessForm: "Bentuk usaha", taxId: "NPWP/NIP", directorPhone: "Telepon direktur", category: "Kategori",
    type: "Jenis", priority: "Prioritas", version: "Versi aplikasi", assignee: "Petugas", level: "Level",
    take: "Ambil tiket", takeHint: "Lengkapi klasifikasi lalu ambil tiket ini.", taken: "Tiket diambil.",
    reply: "Balasan untuk pelapor", canned: "Jawaban siap pakai", cannedPick: "Pilih jawaban…", replyText: "Teks", send: "Kirim balasan",
    replyFile: "Lampirkan berkas untuk pelapor (opsional; PDF, Word, Excel, PowerPoint, TXT, video MP4 maks. 16 MB; foto JPEG/PNG maks. 5 MB)",
    fileTooLarge: "Berkas lebih dari 16 MB tidak dapat dikirim lewat WhatsApp dari sini.",
    fileType: "Jenis berkas ini tidak dapat dikirim lewat WhatsApp. Gunakan PDF, Word, Excel, PowerPoint, TXT, video MP4, atau foto JPEG/PNG.",
    photoTooLarge: "Foto lebih dari 5 MB tidak dapat dikirim lewat WhatsApp; kirim sebagai PDF.",
    fileOnlyWithReply: "Berkas dikirim dengan tombol Kirim balasan.", fileSending: "Mengirim berkas…", sentBy: "dikirim oleh", askFeedback: "Minta tanggapan", note: "Catatan internal",
    escalate: "Eskalasi ke Level 2", askLevel1: "Minta penjelasan Level 1", resolve: "Selesaikan", answerLevel2: "Jawab Level 2", documentsComplete: "Dokumen lengkap",
    erase: "Hapus data pribadi pelapor", erased: "(data pribadi dihapus)", eraseConfirm: "Hapus nomor, nama, dokumen dan pesan pelapor ini di semua tiketnya? Tindakan ini tidak dapat dibatalkan.",
    windowClosed: "Jendela 24 jam pelapor sudah tertutup: pesan dikirim setelah pelapor membalas templat pemberitahuan.",
    done: "Verifikasi selesai", noShow: "Tidak hadir", call: "Video call WhatsApp", date: "Tanggal", time: "Waktu",
    verifier: "Verifikator", noCalls: "Tidak ada jadwal pada tanggal ini.", sent: "Terkirim.", required: "Isi teks terlebih dahulu.",
    inbound: "Pelapor", outbound: "Helpdesk", internal: "Internal",
    types: { gangguan: "Gangguan", permasalahan: "Permasalahan", permintaan_layanan: "Permintaan Layanan" },
    priorities: { low: "Rendah", normal: "Normal", high: "Tinggi", urgent: "Mendesak" },
    delivery: { queued: "menunggu", sending: "dikirim", held: "menunggu pelapor membalas", sent: "terkirim", delivered: "diterima", read: "dibaca", played: "diputar", failed: "gagal", template: "sebagai templat" },
    kinds: {
      created: "tiket dibuat", taken: "diambil", feedback_requested: "minta tanggapan", reporter_message: "pesan pelapor",
      staff_reply: "balasan", note: "catatan", level1_answered: "jawaban Level 1", escalated: "eskalasi", resolved: "diselesaikan",
      confirmed: "dikonfirmasi", reopened: "dibuka lagi", auto_closed: "ditutup otomatis", cancelled: "dibatalkan",
      attachment_added: "dokumen", documents_complete: "dokumen lengkap", verification_booked: "jadwal verifikasi",
      verification_moved: "jadwal dipindah", verification_cancelled: "jadwal dibatalkan", verification_done: "verifikasi selesai",
      verification_no_show: "tidak hadir", reporter_number_changed: "nomor WhatsApp pelapor berganti",
      director_number_changed: "nomor direksi untuk video call diganti",
    },
    dashboard: "Dasbor", from: "Dari", to: "Sampai", openTickets: "Terbuka", inProgress: "Diproses", total: "Total",
    slaMet: "SLA terpenuhi", slaBreached: "SLA terlewati", respondents: "responden", noShowRate: "Tidak hadir (verifikasi)",
    perMonth: "Tiket per bulan", perService: "Tiket per layanan", perType: "Tiket per jenis", perVersion: "Tiket per versi aplikasi",
    tickets: "Tiket", download: "Unduh CSV", staff: "Staf", audit: "Audit", addStaff: "Tambah atau ubah staf", name: "Nama",
    role: "Peran", save: "Simpan", saved: "Tersimpan.", active: "aktif", disabled: "nonaktif", disable: "Nonaktifkan", enable: "Aktifkan",
    action: "Tindakan", detail: "Keterangan", address: "Alamat", result: "Hasil", ok: "berhasil", refused: "ditolak",
    takeConfirm: "Ambil tiket ini? Tiket akan menjadi tanggung jawab Anda dan waktu SLA mulai berjalan.", takeYes: "Ya, ambil", cancel: "Batal",
    alreadyTaken: "Tiket ini sudah diambil petugas lain.", since: "Sejak", newTime: "Waktu baru (WIB)", reason: "Alasan", move: "Pindah jadwal",
    statuses: {
      new: "Baru", in_progress: "Diproses", waiting_on_reporter: "Menunggu tanggapan pelapor", escalated: "Eskalasi Level 2",
      waiting_on_level1: "Menunggu Level 1", resolved: "Selesai, menunggu konfirmasi", reopened: "Dibuka kembali", closed: "Ditutup",
      cancelled: "Dibatalkan",
    },
    callHeading: "Video call verifikasi", callVerified: "Terverifikasi pada", callBooked: "Terjadwal",
    callHeld: "Penyedia sedang memilih di WhatsApp:", callToChoose: "Menunggu penyedia memilih waktu di WhatsApp. Anda juga dapat menjadwalkannya di sini.",
    callPaused: "Penyedia berulang kali tidak hadir: hubungi penyedia, lalu jadwalkan di sini atau tandai dokumen lengkap lagi agar penyedia memilih sendiri.",
    noShowCount: "Tidak hadir sebelumnya", callTime: "Waktu (WIB)", reasonOptional: "Catatan internal (opsional)",
    reasonForProvider: "Alasan (dibaca penyedia)", bookCall: "Jadwalkan", cancelCall: "Batalkan jadwal",
    noFreeSlots: "Tidak ada waktu kosong dalam dua minggu ke depan.", reasonFirst: "Tulis alasannya terlebih dahulu.",
    callStates: { booked: "Terjadwal", done: "Selesai", no_show: "Tidak hadir", cancelled: "Dibatalkan" },
    roles: { l1: "Level 1 (petugas helpdesk)", l2: "Level 2 (koordinator)", admin: "Admin (Level 2, mengelola staf)" },
    roleNames: { l1: "Level 1", l2: "Level 2", admin: "Admin" },
    language: "English",
  },
  en: {
    appName: "Loket · LPSE helpdesk",
    signIn: "Sign in", signOut: "Sign out", staffId: "Staff id", password: "Password",
    signInTitle: "Sign in to the helpdesk console", signInHint: "Use the account your office admin created for you.",
    errorSummary: "There is a problem", wrongPassword: "The id or the password is wrong.",
    newTickets: "New tickets", myTickets: "My tickets", allTickets: "All tickets", agenda: "Verification calls",
    number: "No.", title: "Service", company: "Company", reporter: "Reporter", created: "Received", status: "Status",
    sla: "SLA left", waitingOn: "Waiting on", nothing: "No tickets.", search: "Search number, company, phone, NPWP",
    filterStatus: "Status", anyStatus: "All open", loading: "Loading…", live: "Live", offline: "Disconnected — retrying",
    breached: "Overdue", paused: "Paused", stopped: "Done",
    details: "Ticket", activity: "Activity", documents: "Documents", open: "View", noDocuments: "No documents yet.", voiceNote: "Voice message", video: "Video",
    businessForm: "Legal form", taxId: "NPWP/NIP", directorPhone: "Director's phone", category: "Category",
    type: "Type", priority: "Priority", version: "Application version", assignee: "Assignee", level: "Level",
    take: "Take ticket", takeHint: "Complete the classification, then take the ticket.", taken: "Ticket taken.",
    reply: "Reply to the reporter", canned: "Canned answers", cannedPick: "Pick an answer…", replyText: "Text", send: "Send reply",
    replyFile: "Attach a file for the reporter (optional; PDF, Word, Excel, PowerPoint, TXT, MP4 video up to 16 MB; JPEG/PNG photo up to 5 MB)",
    fileTooLarge: "A file over 16 MB cannot be sent through WhatsApp from here.",
    fileType: "WhatsApp does not carry this type of file. Use PDF, Word, Excel, PowerPoint, TXT, an MP4 video, or a JPEG/PNG photo.",
    photoTooLarge: "WhatsApp does not carry a photo over 5 MB; send it as a PDF.",
    fileOnlyWithReply: "A file is sent with the Send reply button.", fileSending: "Sending the file…", sentBy: "sent by", askFeedback: "Ask for feedback", note: "Internal note",
    escalate: "Escalate to Level 2", askLevel1: "Ask Level 1", resolve: "Resolve", answerLevel2: "Answer Level 2", documentsComplete: "Documents complete",
    erase: "Erase the reporter's personal data", erased: "(personal data erased)", eraseConfirm: "Erase this reporter's number, name, documents and messages on all their tickets? This cannot be undone.",
    windowClosed: "The reporter's 24-hour window is closed: the message goes once they answer the notice template.",
    done: "Call done", noShow: "No-show", call: "WhatsApp video call", date: "Date", time: "Time",
    verifier: "Verifier", noCalls: "No calls on this day.", sent: "Sent.", required: "Write the text first.",
    inbound: "Reporter", outbound: "Helpdesk", internal: "Internal",
    types: { gangguan: "Incident", permasalahan: "Problem", permintaan_layanan: "Service request" },
    priorities: { low: "Low", normal: "Normal", high: "High", urgent: "Urgent" },
    delivery: { queued: "queued", sending: "sending", held: "waiting for the reporter to write", sent: "sent", delivered: "delivered", read: "read", played: "played", failed: "failed", template: "as a template" },
    kinds: {
      created: "opened", taken: "taken", feedback_requested: "feedback asked", reporter_message: "reporter's message",
      staff_reply: "reply", note: "note", level1_answered: "Level 1 answer", escalated: "escalated", resolved: "resolved",
      confirmed: "confirmed", reopened: "reopened", auto_closed: "closed automatically", cancelled: "cancelled",
      attachment_added: "document", documents_complete: "documents complete", verification_booked: "call booked",
      verification_moved: "call moved", verification_cancelled: "call cancelled", verification_done: "call done",
      verification_no_show: "no-show", reporter_number_changed: "reporter's WhatsApp number changed",
      director_number_changed: "director's number for the call changed",
    },
    dashboard: "Dashboard", from: "From", to: "To", openTickets: "Open", inProgress: "In progress", total: "Total",
    slaMet: "SLA met", slaBreached: "SLA breached", respondents: "respondents", noShowRate: "No-shows (verification)",
    perMonth: "Tickets per month", perService: "Tickets per service", perType: "Tickets per type", perVersion: "Tickets per application version",
    tickets: "Tickets", download: "Download CSV", staff: "Staff", audit: "Audit", addStaff: "Add or change a member", name: "Name",
    role: "Role", save: "Save", saved: "Saved.", active: "active", disabled: "disabled", disable: "Disable", enable: "Enable",
    action: "Action", detail: "Detail", address: "Address", result: "Result", ok: "done", refused: "refused",
    takeConfirm: "Take this ticket? It becomes yours and its SLA clock runs.", takeYes: "Yes, take it", cancel: "Cancel",
    alreadyTaken: "Another member already took this ticket.", since: "Since", newTime: "New time (WIB)", reason: "Reason", move: "Move",
    statuses: {
      new: "New", in_progress: "In progress", waiting_on_reporter: "Waiting on the reporter", escalated: "Escalated to Level 2",
      waiting_on_level1: "Waiting on Level 1", resolved: "Resolved, awaiting confirmation", reopened: "Reopened", closed: "Closed",
      cancelled: "Cancelled",
    },
    callHeading: "Verification video call", callVerified: "Verified on", callBooked: "Booked for",
    callHeld: "The provider is choosing in WhatsApp:", callToChoose: "Waiting for the provider to choose a time in WhatsApp. You can also book it here.",
    callPaused: "The provider missed the call more than once: contact them, then book it here or mark the documents complete again for them to choose.",
    noShowCount: "Earlier no-shows", callTime: "Time (WIB)", reasonOptional: "Internal note (optional)",
    reasonForProvider: "Reason (the provider reads it)", bookCall: "Book", cancelCall: "Cancel the call",
    noFreeSlots: "No free time in the next two weeks.", reasonFirst: "Write the reason first.",
    callStates: { booked: "Booked", done: "Done", no_show: "No-show", cancelled: "Cancelled" },
    roles: { l1: "Level 1 (helpdesk staff)", l2: "Level 2 (coordinator)", admin: "Admin (Level 2, manages staff)" },
    roleNames: { l1: "Level 1", l2: "Level 2", admin: "Admin" },
    language: "Bahasa Indonesia",
  },
};

export function language() {
  return localStorage.getItem("loket.language") === "en" ? "en" : "id";
}

export function t(key) {
  return strings[language()][key] ?? strings.id[key] ?? key;
}

// The label of `value` in one of the maps above ("statuses", "roles"…), or the value itself when it has none.
export function labelOf(map, value) {
  return strings[language()][map]?.[value] ?? strings.id[map]?.[value] ?? value;
}

const days = {
  id: ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};
const months = {
  id: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

// "Senin, 7 Desember 2026 10.30 WIB": every time is shown in Jakarta time.
export function when(iso, withTime = true) {
  if (!iso) return "–";
  const local = new Date(new Date(iso).getTime() + 7 * 3600 * 1000);
  const lang = language();
  const date = `${days[lang][local.getUTCDay()]}, ${local.getUTCDate()} ${months[lang][local.getUTCMonth()]} ${local.getUTCFullYear()}`;
  if (!withTime) return date;
  const pad = (n) => String(n).padStart(2, "0");
  return `${date} ${pad(local.getUTCHours())}${lang === "id" ? "." : ":"}${pad(local.getUTCMinutes())} WIB`;
}

// "2 j 15 m" of working time.
export function duration(seconds) {
  const sign = seconds < 0 ? "−" : "";
  const total = Math.abs(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  return language() === "id" ? `${sign}${hours} j ${minutes} m` : `${sign}${hours} h ${minutes} m`;
}
