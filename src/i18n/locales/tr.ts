// Turkish (Türkçe): machine-written, not yet reviewed by a native speaker (docs/languages.md).
import type { Messages } from '../messages.js';

const tr: Messages = {
  processing: 'Ödemeniz işleniyor…',
  checking: 'Ödemenizi bankayla kontrol ediyoruz. Lütfen bekleyin ve tekrar ödeme yapmayın.',
  success: 'Ödeme başarılı. Teşekkürler!',
  redirecting: 'Ödemeyi onaylamanız için bankanıza yönlendiriliyorsunuz…',
  payByCard: 'Kartla öde',
  invalidData: 'Bu ödeme düğmesi doğru ayarlanmamış',
  failure: {
    declined: 'Ödeme reddedildi. Lütfen başka bir kart deneyin.',
    currency: 'Bu kartla bu para biriminde ödeme yapılamıyor. Lütfen başka bir kart deneyin.',
    issuer: 'Kartınızı veren kuruluş desteklenmiyor. Lütfen başka bir kart deneyin.',
    threeDs: 'Bu kart 3-D Secure ile doğrulanamadı. Lütfen başka bir kart deneyin.',
    amountLimit: 'Bu tutar, bu ödeme için izin verilen sınırların dışında.',
    blocked: 'Bu kart bu ödeme için kullanılamaz. Lütfen başka bir kart deneyin.',
    timeout: 'Ödeme çok uzun sürdü ve tamamlanmadı. Lütfen tekrar deneyin.',
    unavailable: 'Ödeme hizmeti geçici olarak kullanılamıyor. Lütfen biraz sonra tekrar deneyin.',
    shopSetup: 'Mağaza şu anda bu ödemeyi kabul edemiyor. Lütfen mağazayla iletişime geçin.',
    unknownOutcome: 'Ödemenizi doğrulayamadık. Lütfen tekrar ödeme yapmayın: e-postanızı kontrol edin veya mağazayla iletişime geçin.',
    duplicate: 'Bu ödeme zaten gönderildi. Tekrar ödemeden önce lütfen sayfayı yenileyin.',
    generic: 'Ödeme tamamlanamadı. Lütfen tekrar deneyin veya başka bir kart kullanın.',
  },
};

export default tr;
