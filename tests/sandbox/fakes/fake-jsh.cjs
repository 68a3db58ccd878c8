/* global process, setTimeout */
/**
 * The stand-in's `/bin/jsh --osc`: it starts up, then prints its prompt and the OSC 654
 * "interactive" signal that TutorialKit waits for (packages/runtime/src/webcontainer/shell.ts)
 * before it forwards keystrokes. Keystrokes that arrive before the signal are lost, as a shell
 * still starting loses them. Afterwards it echoes each line, and answers `pwd` with its folder.
 */
const STARTUP_MS = 150;
let interactive = false;

process.stdin.setEncoding("utf8");
process.stdin.on("data", (data) => {
  if (!interactive) return;
  for (const line of data.split(/\r?\n|\r/).filter(Boolean)) {
    if (line === "pwd") process.stdout.write(`${process.cwd()}\n`);
    else process.stdout.write(`${line}\n`);
  }
  process.stdout.write("$ ");
});

setTimeout(() => {
  interactive = true;
  process.stdout.write("\u001b]654;interactive\u0007$ ");
}, STARTUP_MS);
