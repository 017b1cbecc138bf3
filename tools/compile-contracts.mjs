// Compiles every Solidity file of a folder with the pinned solc (npm, see package.json) and writes one
// JSON artifact per contract: ABI, creation bytecode and the compiler settings, so that anyone can
// recompile and compare. Exits non-zero on any compiler error.
// Usage: node compile-contracts.mjs SOURCE_DIR OUTPUT_DIR
import fs from 'node:fs';
import path from 'node:path';
import solc from 'solc';

const [sourceDir, outputDir] = process.argv.slice(2);
if (!sourceDir || !outputDir) {
  console.error('usage: node compile-contracts.mjs SOURCE_DIR OUTPUT_DIR');
  process.exit(2);
}

// london: Besu QBFT consortium chains and anvil --hardfork london have no PUSH0 (Shanghai)
const settings = {
  evmVersion: 'london',
  optimizer: { enabled: true, runs: 10000 },
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
};

const sources = {};
for (const file of fs.readdirSync(sourceDir).filter((name) => name.endsWith('.sol')).sort()) {
  sources[file] = { content: fs.readFileSync(path.join(sourceDir, file), 'utf8') };
}
if (Object.keys(sources).length === 0) {
  console.error(`no .sol files in ${sourceDir}`);
  process.exit(1);
}

const output = JSON.parse(solc.compile(JSON.stringify({ language: 'Solidity', sources, settings })));

const problems = output.errors ?? [];
for (const problem of problems) {
  console.error(problem.formattedMessage);
}
if (problems.some((problem) => problem.severity === 'error')) {
  process.exit(1);
}

fs.mkdirSync(outputDir, { recursive: true });
for (const [sourceName, contracts] of Object.entries(output.contracts)) {
  for (const [contractName, contract] of Object.entries(contracts)) {
    const artifact = {
      contractName,
      sourceName,
      compiler: { version: solc.version(), settings: { evmVersion: settings.evmVersion, optimizer: settings.optimizer } },
      abi: contract.abi,
      bytecode: `0x${contract.evm.bytecode.object}`,
    };
    fs.writeFileSync(path.join(outputDir, `${contractName}.json`), `${JSON.stringify(artifact, null, 2)}\n`);
  }
}
