/** The organisation's signing key and the voucher check (凭证核验); part of the zh-CN catalogue (see zh-CN.ts). */
export const zhCNSeal = {
  signingKeyMoments: { setup: '首次设置时', start: '升级后首次启动时' },
  keyCardForms: { card: '密钥卡文件', pdf: '打印页' },
  signingKey: {
    title: '机构签名密钥',
    intro:
      '领取凭证和困难职工证明上的二维码由本单位的签名密钥签名，任何人都可以用“凭证核验”检查真伪。私钥只保存在加密的数据库中，不会导出。',
    fingerprint: '密钥指纹',
    createdAt: '生成时间：{time}',
    exportCard: '导出密钥卡（.bfkey）',
    printCard: '打印密钥卡',
    cardSaved: '密钥卡已保存。请把文件交给上级工会，并通过电话或纸质密钥卡核对指纹。',
  },
};
