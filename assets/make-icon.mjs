// Writes assets/icon.png (20 x 20, the size pbiviz asks for): four status tiles, each with its
// status shape knocked out in white, in the GOV.UK colours. Run: node assets/make-icon.mjs
import { deflateSync } from "node:zlib";
import { writeFileSync } from "node:fs";

const SIZE = 20;
const colours = { red: [0xca, 0x35, 0x35], amber: [0xf4, 0x77, 0x38], green: [0x0f, 0x7a, 0x52], blue: [0x1d, 0x70, 0xb8] };
const tiles = [["red", 0, 0], ["amber", 10, 0], ["green", 0, 10], ["blue", 10, 10]];
const pixels = Array.from({ length: SIZE * SIZE }, () => [0, 0, 0, 0]);

/** Is (x, y) inside the status shape of a 9 x 9 tile, relative to its centre (4, 4)? */
function inShape(status, x, y) {
    const dx = x - 4, dy = y - 4;
    if (status === "green") return dx * dx + dy * dy <= 5;
    if (status === "red") return Math.abs(dx) + Math.abs(dy) <= 2;
    if (status === "amber") return dy >= -2 && dy <= 2 && Math.abs(dx) <= (dy + 2) / 2 + 0.5;
    return (Math.abs(dx) <= 0 && Math.abs(dy) <= 2) || (Math.abs(dy) <= 0 && Math.abs(dx) <= 2) || (Math.abs(dx) === 1 && Math.abs(dy) === 1);
}

for (const [status, ox, oy] of tiles) {
    for (let y = 0; y < 9; y++) for (let x = 0; x < 9; x++) {
        const corner = (x === 0 || x === 8) && (y === 0 || y === 8);
        if (corner) continue;
        pixels[(oy + y) * SIZE + ox + x] = inShape(status, x, y) ? [255, 255, 255, 255] : [...colours[status], 255];
    }
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) Buffer.from(pixels[y * SIZE + x]).copy(raw, y * (SIZE * 4 + 1) + 1 + x * 4);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
});
function crc32(buf) {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
    const length = Buffer.alloc(4); length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0); header.writeUInt32BE(SIZE, 4);
header[8] = 8; header[9] = 6; header[10] = 0; header[11] = 0; header[12] = 0; // 8-bit RGBA
const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0)),
]);
writeFileSync(new URL("./icon.png", import.meta.url), png);
console.log(`assets/icon.png: ${png.length} bytes`);
