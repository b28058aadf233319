#!/usr/bin/env python3
"""Deterministic benchmark workloads for tonelint (bench/README.md).

Writes into OUT_DIR:
  one-reply.txt           one ~400-byte reply
  replies/NNN.txt         200 small reply files (as pre-commit passes them)
  mixed-10MB.txt          Spanish/English lines with accents, ñ, emoji, ~5% rude
  mixed-100MB.txt         the same, 100 MB (only with --big)
  tree/                   2,000 small files for -j (only with --big)
  rules-N/gen.rules       N generated rules, for N in 300, 1000, 3000
The sentences are written for this benchmark; nothing comes from ../shared/corpus.
"""
import os
import random
import sys

CLEAN_ES = [
    "Hola, gracias por escribirnos; revisamos su pedido y le avisamos mañana.",
    "Lamentamos la demora con su envío, ya pedimos al almacén que lo priorice.",
    "¿Nos comparte por mensaje privado el número de seguimiento? Así lo revisamos.",
    "Entendemos su molestia; el reembolso se verá reflejado en 3 a 5 días hábiles.",
    "¡Qué gusto saludarle! El año pasado lanzamos esta promoción y sigue vigente 🎉",
    "La señora Núñez del área de atención le llamará hoy antes de las 18:00.",
    "Comprendo su inquietud: la computadora tiene garantía de un año completo.",
]
CLEAN_EN = [
    "Hi there, thanks for reaching out; we've checked your order and will update you tomorrow.",
    "Sorry for the delay with your parcel, our warehouse team is prioritising it now.",
    "Could you DM us your tracking number? We'll look into it right away 🙂",
    "We understand the frustration; the refund will show up within 3-5 business days.",
    "Great to hear from you! The cocktail set is back in stock in our Scunthorpe store.",
    "Our assistant manager will call you before 6pm today with an update.",
]
RUDE = [
    "Mire, usted es un idiota si no leyó las condiciones.",
    "Eso no es nuestro problema, llame al banco.",
    "jajaja qué cliente tan pesado, no vuelvas gracias",
    "Honestly you are a moron, read the FAQ next time.",
    "That's not our problem, stop bothering us.",
    "What the f*ck do you want now?",
    "Eres un p3nd3j0, ya te dijimos que no.",
]


def line(rng):
    if rng.random() < 0.05:
        return rng.choice(RUDE)
    return rng.choice(CLEAN_ES if rng.random() < 0.5 else CLEAN_EN)


def write_text(path, size, rng):
    with open(path, "w", encoding="utf-8") as out:
        written = 0
        while written < size:
            text = line(rng) + "\n"
            out.write(text)
            written += len(text.encode("utf-8"))


def reply(rng):
    return " ".join(line(rng) for _ in range(rng.randint(2, 5))) + "\n"


def generated_rules(count):
    blocks = []
    for i in range(count):
        lang = "es" if i % 2 == 0 else "en"
        blocks.append(
            f"rule TL{5000 + i // 2:04d} generated-{i // 2}\nlang {lang}\ncategory dismissive\n"
            f"severity warning\nmessage Generated rule {i}.\n"
            f"match (palabra{i}|word{i}) [muy|very] (cosa{i}*|thing{i}) ~ final{i}\n")
    return "\n".join(blocks)


def main():
    out_dir = sys.argv[1]
    big = "--big" in sys.argv
    rng = random.Random(20261124)
    os.makedirs(os.path.join(out_dir, "replies"), exist_ok=True)
    with open(os.path.join(out_dir, "one-reply.txt"), "w", encoding="utf-8") as out:
        out.write(CLEAN_ES[0] + " " + CLEAN_ES[1] + " " + CLEAN_ES[3] + " " + CLEAN_ES[5] + "\n")
    for i in range(200):
        with open(os.path.join(out_dir, "replies", f"{i:03d}.txt"), "w", encoding="utf-8") as out:
            out.write(reply(rng))
    write_text(os.path.join(out_dir, "mixed-10MB.txt"), 10 * 1000 * 1000, rng)
    for n in (300, 1000, 3000):
        os.makedirs(os.path.join(out_dir, f"rules-{n}"), exist_ok=True)
        with open(os.path.join(out_dir, f"rules-{n}", "gen.rules"), "w", encoding="utf-8") as out:
            out.write(generated_rules(n))
    if big:
        write_text(os.path.join(out_dir, "mixed-100MB.txt"), 100 * 1000 * 1000, rng)
        tree = os.path.join(out_dir, "tree")
        for i in range(2000):
            sub = os.path.join(tree, f"d{i // 100:02d}")
            os.makedirs(sub, exist_ok=True)
            with open(os.path.join(sub, f"{i:04d}.txt"), "w", encoding="utf-8") as out:
                out.write(reply(rng) * 3)


if __name__ == "__main__":
    main()
