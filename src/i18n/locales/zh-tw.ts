// Chinese (Traditional) (繁體中文): machine-written, not yet reviewed by a native speaker (docs/languages.md).
import type { Messages } from '../messages.js';

const zhTW: Messages = {
  processing: '正在處理您的付款…',
  checking: '我們正在向銀行確認您的付款。請稍候，不要重複付款。',
  success: '付款成功。謝謝！',
  redirecting: '正在前往您的銀行確認付款…',
  payByCard: '以信用卡付款',
  invalidData: '此付款按鈕的設定不正確',
  failure: {
    declined: '付款遭到拒絕。請改用其他卡片。',
    currency: '此卡片無法以這個幣別付款。請改用其他卡片。',
    issuer: '不支援您的發卡機構。請改用其他卡片。',
    threeDs: '無法透過 3-D Secure 驗證此卡片。請改用其他卡片。',
    amountLimit: '此金額超出本次付款允許的限額。',
    blocked: '此卡片無法用於本次付款。請改用其他卡片。',
    timeout: '付款耗時過久，未能完成。請再試一次。',
    unavailable: '付款服務暫時無法使用。請稍後再試。',
    shopSetup: '商店目前無法接受此付款。請聯絡商店。',
    unknownOutcome: '我們無法確認您的付款。請不要重複付款：請查看您的電子郵件或聯絡商店。',
    duplicate: '此付款已送出。請先重新整理頁面再重新付款。',
    generic: '無法完成付款。請再試一次或改用其他卡片。',
  },
};

export default zhTW;
