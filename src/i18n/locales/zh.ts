// Chinese (Simplified) (简体中文): machine-written, not yet reviewed by a native speaker (docs/languages.md).
import type { Messages } from '../messages.js';

const zh: Messages = {
  processing: '正在处理您的付款…',
  checking: '我们正在向银行核实您的付款。请稍候，不要重复付款。',
  success: '付款成功。谢谢！',
  redirecting: '正在前往您的银行确认付款…',
  payByCard: '银行卡支付',
  invalidData: '此付款按钮的设置不正确',
  failure: {
    declined: '付款被拒绝。请换一张卡重试。',
    currency: '此卡无法以该币种付款。请换一张卡重试。',
    issuer: '不支持您的发卡机构。请换一张卡重试。',
    threeDs: '无法通过 3-D Secure 验证此卡。请换一张卡重试。',
    amountLimit: '此金额超出了本次付款允许的限额。',
    blocked: '此卡不能用于本次付款。请换一张卡重试。',
    timeout: '付款耗时过长，未能完成。请重试。',
    unavailable: '支付服务暂时不可用。请稍后重试。',
    shopSetup: '商店目前无法接受此付款。请联系商店。',
    unknownOutcome: '我们无法确认您的付款。请不要重复付款：请查看您的电子邮件或联系商店。',
    duplicate: '此付款已提交。请先刷新页面再重新付款。',
    generic: '无法完成付款。请重试或使用其他卡。',
  },
};

export default zh;
