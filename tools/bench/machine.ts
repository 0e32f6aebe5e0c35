/** The machine a benchmark ran on, noted beside every published number. */
import os from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  date: string;
}

export function describeMachine(now = new Date()): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() || 'unknown CPU',
    cores: cpus.length,
    node: process.version,
    date: now.toISOString().slice(0, 10),
  };
}

export function machineLine(m: Machine): string {
  return `Measured on ${m.cpu}, ${m.cores} cores, Node ${m.node}, ${m.date}.`;
}
