import type { BangfuBridge } from '@shared/bridge';

declare global {
  interface Window {
    /** Provided by the Electron preload, or installed by web-bridge.ts under the web host. */
    bangfu?: BangfuBridge;
  }
}

export {};
