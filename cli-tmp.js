require('tsx/cjs');
require('./src/cli/main.ts').main(process.argv);
