// Indonesian (Bahasa Indonesia): machine-written, not yet reviewed by a native speaker (docs/languages.md).
import type { Messages } from '../messages.js';

const id: Messages = {
  processing: 'Pembayaran Anda sedang diproses…',
  checking: 'Kami sedang memeriksa pembayaran Anda dengan bank. Harap tunggu dan jangan membayar lagi.',
  success: 'Pembayaran berhasil. Terima kasih!',
  redirecting: 'Mengalihkan Anda ke bank untuk mengonfirmasi pembayaran…',
  payByCard: 'Bayar dengan kartu',
  invalidData: 'Tombol pembayaran ini tidak disiapkan dengan benar',
  failure: {
    declined: 'Pembayaran ditolak. Silakan coba kartu lain.',
    currency: 'Kartu ini tidak dapat membayar dalam mata uang ini. Silakan coba kartu lain.',
    issuer: 'Penerbit kartu Anda tidak didukung. Silakan coba kartu lain.',
    threeDs: 'Kartu ini tidak dapat diverifikasi dengan 3-D Secure. Silakan coba kartu lain.',
    amountLimit: 'Jumlah ini berada di luar batas yang diizinkan untuk pembayaran ini.',
    blocked: 'Kartu ini tidak dapat digunakan untuk pembayaran ini. Silakan coba kartu lain.',
    timeout: 'Pembayaran memakan waktu terlalu lama dan tidak selesai. Silakan coba lagi.',
    unavailable: 'Layanan pembayaran untuk sementara tidak tersedia. Silakan coba lagi sebentar lagi.',
    shopSetup: 'Toko tidak dapat menerima pembayaran ini saat ini. Silakan hubungi toko.',
    unknownOutcome: 'Kami tidak dapat mengonfirmasi pembayaran Anda. Jangan membayar lagi: periksa email Anda atau hubungi toko.',
    duplicate: 'Pembayaran ini sudah dikirim. Muat ulang halaman sebelum membayar lagi.',
    generic: 'Pembayaran tidak dapat diselesaikan. Silakan coba lagi atau gunakan kartu lain.',
  },
};

export default id;
