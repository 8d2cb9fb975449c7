// Malay (Bahasa Melayu): machine-written, not yet reviewed by a native speaker (docs/languages.md).
import type { Messages } from '../messages.js';

const ms: Messages = {
  processing: 'Pembayaran anda sedang diproses…',
  checking: 'Kami sedang menyemak pembayaran anda dengan bank. Sila tunggu dan jangan bayar sekali lagi.',
  success: 'Pembayaran berjaya. Terima kasih!',
  redirecting: 'Membawa anda ke bank anda untuk mengesahkan pembayaran…',
  payByCard: 'Bayar dengan kad',
  invalidData: 'Butang pembayaran ini tidak disediakan dengan betul',
  failure: {
    declined: 'Pembayaran ditolak. Sila cuba kad lain.',
    currency: 'Kad ini tidak boleh membayar dalam mata wang ini. Sila cuba kad lain.',
    issuer: 'Pengeluar kad anda tidak disokong. Sila cuba kad lain.',
    threeDs: 'Kad ini tidak dapat disahkan dengan 3-D Secure. Sila cuba kad lain.',
    amountLimit: 'Jumlah ini berada di luar had yang dibenarkan untuk pembayaran ini.',
    blocked: 'Kad ini tidak boleh digunakan untuk pembayaran ini. Sila cuba kad lain.',
    timeout: 'Pembayaran mengambil masa terlalu lama dan tidak selesai. Sila cuba lagi.',
    unavailable: 'Perkhidmatan pembayaran tidak tersedia buat sementara waktu. Sila cuba lagi sebentar lagi.',
    shopSetup: 'Kedai tidak dapat menerima pembayaran ini sekarang. Sila hubungi kedai.',
    unknownOutcome: 'Kami tidak dapat mengesahkan pembayaran anda. Jangan bayar sekali lagi: semak e-mel anda atau hubungi kedai.',
    duplicate: 'Pembayaran ini telah pun dihantar. Sila muat semula halaman sebelum membayar lagi.',
    generic: 'Pembayaran tidak dapat diselesaikan. Sila cuba lagi atau gunakan kad lain.',
  },
};

export default ms;
