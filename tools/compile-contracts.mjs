// Compiles every Solidity file of a folder with the pinned solc (npm, see package.json) and writes one
// JSON artifact per contract: ABI, creation bytecode and the compiler settings, so that anyone can
// recompile and compare. Exits non-zero on any compiler error; does nothing when the artifacts are up to date.
// Usage: node compile-contracts.mjs SOURCE_DIR OUTPUT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [sourceDir, outputDir] = process.argv.slice(2);
if (!sourceDir || !outputDir) {
  console.error('usage: node compile-contracts.mjs SOURCE_DIR OUTPUT_DIR');
  process.exit(2);
}

const compilerSettings = {
  // london: Besu QBFT consortium chains and anvil --hardfork london have no PUSH0 (Shanghai)
  evmVersion: 'london',
  optimizer: { enabled: true, runs: 10000 },
  viaIR: true, // measured: anchor() 229 gas cheaper than the legacy pipeline
};

const sourceFiles = fs.readdirSync(sourceDir).filter((name) => name.endsWith('.sol')).sort();
if (sourceFiles.length === 0) {
  console.error(`no .sol files in ${sourceDir}`);
  process.exit(1);
}

// compiling takes seconds: skip it when the artifacts are newer than the sources, this script and the compiler
const inputs = [...sourceFiles.map((file) => path.join(sourceDir, file)), fileURLToPath(import.meta.url),
  fileURLToPath(import.meta.resolve('solc/package.json'))];
const artifacts = fs.existsSync(outputDir) ? fs.readdirSync(outputDir).filter((name) => name.endsWith('.json')) : [];
const newestInput = Math.max(...inputs.map((file) => fs.statSync(file).mtimeMs));
if (artifacts.length > 0 && artifacts.every((name) => fs.statSync(path.join(outputDir, name)).mtimeMs > newestInput)) {
  process.exit(0);
}

const { default: solc } = await import('solc'); // loading the compiler alone takes half a second
const sources = Object.fromEntries(sourceFiles.map((file) =>
  [file, { content: fs.readFileSync(path.join(sourceDir, file), 'utf8') }]));
const settings = { ...compilerSettings, outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } };
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
      compiler: { version: solc.version(), settings: compilerSettings },
      abi: contract.abi,
      bytecode: `0x${contract.evm.bytecode.object}`,
    };
    fs.writeFileSync(path.join(outputDir, `${contractName}.json`), `${JSON.stringify(artifact, null, 2)}\n`);
  }
}
