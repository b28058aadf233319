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

# Written to OUT_DIR/VERSION; bench/run rebuilds a work directory whose VERSION differs.
VERSION = "2: composed lines (was 1: 20 distinct lines)"

# The one-reply workload: four sentences of a typical Spanish reply.
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


# The large files are composed from these fragments and slot values, so that nearly every line
# is different, with names, numbers, dates and products that vary as in a real export, and with
# the spellings people type (no accents, all lower case, a word in capitals). A file of a few
# repeated lines would flatter any per-word or per-sentence memo: the previous workload had 20
# distinct lines in 129,301.
NAMES = ["Ana", "Luis", "María José", "Núñez", "Peña", "Ibáñez", "Sofía", "Andrés", "Jürgen",
         "Chloé", "Kate", "Tom", "Priya", "O'Brien", "Zoë", "Muñoz", "Gutiérrez", "Alex"]
PRODUCTS_ES = ["la licuadora", "el colchón", "la bicicleta", "el teléfono", "la cafetera",
               "el pedido", "la lavadora", "los audífonos", "la mochila", "el televisor",
               "la computadora portátil", "las zapatillas", "el cargador", "la silla de oficina"]
PRODUCTS_EN = ["the blender", "the mattress", "the bike", "your phone", "the coffee maker",
               "the order", "the washing machine", "the headphones", "the backpack", "the TV",
               "the laptop", "the sneakers", "the charger", "the office chair"]
CITIES = ["Bogotá", "Medellín", "Ciudad de México", "Guadalajara", "Lima", "Santiago", "Madrid",
          "Sevilla", "Córdoba", "Montevideo", "Quito", "Asunción", "London", "Leeds", "Austin",
          "Toronto", "Dublin", "Scunthorpe", "San José", "A Coruña"]
DAYS_ES = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "mañana",
           "pasado mañana", "hoy"]
DAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
           "tomorrow", "today", "next week"]
EMOJI = ["🙂", "🎉", "🙏", "📦", "✅", "💙", "😊", "🚚"]

OPENERS_ES = ["Hola {name},", "Buenos días, {name}.", "¡Qué gusto saludarle, {name}!",
              "Estimada {name}:", "Buenas tardes.", "Hola, gracias por escribirnos.",
              "Gracias por su paciencia, {name}.", "Hola {name}, ¿cómo está?", ""]
BODIES_ES = [
    "revisamos su pedido #{order} y {product} sale de {city} el {day}.",
    "lamentamos la demora con {product}; ya pedimos al almacén que lo priorice.",
    "¿nos comparte por mensaje privado el número de seguimiento {order}? Así lo revisamos.",
    "entendemos su molestia: el reembolso de ${amount} se verá reflejado en {n} a {m} días hábiles.",
    "la señora {name} del área de atención le llamará el {day} antes de las {hour}:00.",
    "{product} tiene garantía de {n} años; puede pedir el cambio en nuestra tienda de {city}.",
    "le confirmamos que el cargo de ${amount} fue anulado y no verá ningún cobro adicional.",
    "el técnico visitará su domicilio en {city} el {day} entre las {hour}:00 y las {hour2}:00.",
    "su caso {order} quedó registrado; le escribiremos el {day} con una respuesta.",
    "ya actualizamos la dirección de entrega a {city}, como nos pidió.",
    "sentimos mucho lo ocurrido con {product}: no es la experiencia que queremos darle.",
    "puede seguir su envío en https://envios.example.com/{order} en todo momento.",
]
CLOSERS_ES = ["Quedamos atentos.", "Saludos cordiales.", "Un abrazo, equipo de soporte.",
              "Cualquier duda, aquí estamos.", "¡Que tenga buen día!", "Gracias por confiar en nosotros.", ""]
OPENERS_EN = ["Hi {name},", "Hello {name}!", "Good morning, {name}.", "Hi there,",
              "Thanks for reaching out, {name}.", "Dear {name},", "Hey {name}, thanks for the message.", ""]
BODIES_EN = [
    "we've checked your order #{order} and {product} leaves {city} on {day}.",
    "sorry for the delay with {product}; our warehouse team is prioritising it now.",
    "could you DM us your tracking number {order}? We'll look into it right away.",
    "we understand the frustration: the refund of ${amount} will show up within {n}-{m} business days.",
    "{name} from our care team will call you on {day} before {hour}pm.",
    "{product} has a {n}-year warranty, so our {city} store can swap it for you.",
    "we've confirmed the ${amount} charge was reversed and you won't see it again.",
    "a technician will visit you in {city} on {day} between {hour} and {hour2} o'clock.",
    "your case {order} is logged and we'll get back to you on {day} with an answer.",
    "we've updated the delivery address to {city}, as you asked.",
    "we're really sorry about what happened with {product}: that's not the experience we want for you.",
    "you can track the parcel at https://track.example.com/{order} at any time.",
]
CLOSERS_EN = ["Kind regards.", "Best wishes, the support team.", "Let us know if anything else comes up.",
              "Have a great day!", "Thanks for bearing with us.", "Cheers!", ""]
RUDE_ES = ["Mire, usted es un {insult} si no leyó las condiciones.",
           "Eso no es nuestro problema, llame al banco.",
           "jajaja qué cliente tan pesado, no vuelvas gracias",
           "Eres un {insult}, ya te dijimos que no.",
           "No sea {insult}, {name}, el pedido {order} ya se entregó.",
           "Si no sabe usar {product} no es culpa nuestra.",
           "Deje de molestar, ya le contestamos el {day}."]
RUDE_EN = ["Honestly you are a {insult}, read the FAQ next time.",
           "That's not our problem, stop bothering us.",
           "What the {swear} do you want now?",
           "Don't be such a {insult}, {name}, order {order} was delivered.",
           "If you can't use {product} that's on you, not us.",
           "Calm down, we already answered you on {day}.",
           "lol another clueless customer, whatever."]
INSULTS_ES = ["idiota", "imbécil", "estúpido", "tarado", "pendejo", "payaso"]
INSULTS_EN = ["idiot", "moron", "imbecil", "clown", "fool", "dumbass"]
SWEARS_EN = ["fuck", "hell", "heck"]
LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "$"}


def obfuscated(rng, word):
    """The word as people disguise it now and then: leet, a star, spaced letters."""
    roll = rng.random()
    if roll < 0.6:
        return word
    if roll < 0.75:
        return "".join(LEET.get(c, c) if rng.random() < 0.7 else c for c in word)
    if roll < 0.9:
        k = rng.randrange(1, len(word) - 1)
        return word[:k] + "*" + word[k + 1:]
    return " ".join(word)


def strip_accents(text):
    return text.translate(str.maketrans("áéíóúÁÉÍÓÚñÑüÜ", "aeiouAEIOUnNuU"))


def fill(rng, template, lang):
    hour = rng.randint(8, 17)
    return template.format(
        name=rng.choice(NAMES), order=rng.randint(100000, 9999999),
        product=rng.choice(PRODUCTS_ES if lang == "es" else PRODUCTS_EN),
        city=rng.choice(CITIES), day=rng.choice(DAYS_ES if lang == "es" else DAYS_EN),
        amount=f"{rng.randint(5, 900)}.{rng.randint(0, 99):02d}", n=rng.randint(2, 5),
        m=rng.randint(6, 10), hour=hour, hour2=hour + 2,
        insult=obfuscated(rng, rng.choice(INSULTS_ES if lang == "es" else INSULTS_EN)),
        swear=obfuscated(rng, rng.choice(SWEARS_EN)))


def capitalized(text):
    return text[:1].upper() + text[1:]


def line(rng):
    lang = "es" if rng.random() < 0.5 else "en"
    if rng.random() < 0.05:
        text = fill(rng, rng.choice(RUDE_ES if lang == "es" else RUDE_EN), lang)
    else:
        openers, bodies, closers = ((OPENERS_ES, BODIES_ES, CLOSERS_ES) if lang == "es"
                                    else (OPENERS_EN, BODIES_EN, CLOSERS_EN))
        opener = fill(rng, rng.choice(openers), lang)
        body = fill(rng, rng.choice(bodies), lang)
        body = capitalized(body) if not opener or opener.endswith((".", "!", ":")) else body
        parts = [opener, body]
        if rng.random() < 0.4:
            parts.append(capitalized(fill(rng, rng.choice(bodies), lang)))
        parts.append(rng.choice(closers))
        if rng.random() < 0.15:
            parts.append(rng.choice(EMOJI))
        text = " ".join(part for part in parts if part)
    roll = rng.random()
    if roll < 0.08:
        text = strip_accents(text)
    elif roll < 0.12:
        text = text.lower()
    elif roll < 0.14:
        words = text.split(" ")
        k = rng.randrange(len(words))
        words[k] = words[k].upper()
        text = " ".join(words)
    return text


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
    with open(os.path.join(out_dir, "VERSION"), "w", encoding="utf-8") as out:
        out.write(VERSION + ("\n--big\n" if big else "\n"))


if __name__ == "__main__":
    main()
