import { log } from 'test:hello/logger@0.1.0';

export const greeter = {
  greet(name, times) {
    log(`greeting ${name}`);
    return { text: `hello ${name}`.repeat(times), count: times };
  },
  shout(words) {
    if (words.length === 0) {
      throw 'nothing to shout';
    }
    return words.map((w) => w.toUpperCase()).join(' ');
  },
};
