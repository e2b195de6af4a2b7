/**
 * The names of the lab checks, apart from the checks themselves: every lesson page needs to know
 * whether an exercise is a lab one, but only a lab lesson should download the checks.
 */
export const labCheckNames = ['lab-handshake', 'lab-read-frames', 'lab-send-frames', 'lab-control', 'lab-fragments', 'lab-send-fragments', 'lab-room'] as const;
export type LabCheckName = (typeof labCheckNames)[number];
export const isLabCheckName = (name: string): name is LabCheckName => (labCheckNames as readonly string[]).includes(name);
