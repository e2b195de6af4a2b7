// Cheat: the log lines of a polling loop, on a timer, with no request at all.
for (let n = 1; n <= 5; n++) {
  log(`poll ${n}: ok`);
  await sleep(300);
}
