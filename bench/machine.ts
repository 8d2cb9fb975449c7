import { cpus, freemem, loadavg, release, totalmem, type as osType } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  freeRamGiB: number;
  os: string;
  node: string;
  /** 1-minute load average when the run started: other work competing for the cores. */
  loadAverage: number;
}

const GiB = 1024 ** 3;

/** What the numbers were measured on, read from the machine itself. */
export function describeMachine(): Machine {
  const processors = cpus();
  return {
    cpu: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    ramGiB: Math.round((totalmem() / GiB) * 10) / 10,
    freeRamGiB: Math.round((freemem() / GiB) * 10) / 10,
    os: `${osType()} ${release()}`,
    node: process.version,
    loadAverage: Math.round(loadavg()[0]! * 100) / 100,
  };
}
