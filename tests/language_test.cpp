#include "language.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace tonelint {
namespace {

// The score of `sentence` a chunk at a time (ScoreChunk, LanguageTally), as a caller that
// remembers chunks gets it; a sentence with a control character is scored whole.
LanguageScore ScoreByChunks(std::string_view sentence) {
  auto white_space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  if (std::any_of(sentence.begin(), sentence.end(), [&](char c) {
        return static_cast<unsigned char>(c) < 0x21 && !white_space(c);
      })) {
    return ScoreLanguage(sentence);
  }
  LanguageTally tally;
  for (std::size_t i = 0; i < sentence.size();) {
    if (white_space(sentence[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < sentence.size() && !white_space(sentence[end])) ++end;
    const std::string_view chunk = sentence.substr(i, end - i);
    ChunkLanguage effect;
    if (ScoreChunk(chunk, &effect)) {
      tally.Add(effect);
    } else {
      tally.AddChunkText(chunk);
    }
    i = end;
  }
  return tally.Finish();
}

// Lang has no operator<< for doctest; failures print "es", "en" or "". Every sentence is
// scored a chunk at a time too, which must agree.
std::string_view Detect(std::string_view sentence) {
  const Lang lang = DetectLanguage(sentence);
  CHECK(LangCode(LanguageOf(ScoreByChunks(sentence))) == LangCode(lang));
  return LangCode(lang);
}

TEST_CASE("Mexican Spanish replies are Spanish") {
  for (std::string_view sentence : {
           "¡Hola, Mariana! Ya revisamos tu caso y el reembolso se verá reflejado en 3 a 5 días "
           "hábiles.",
           "Oye, una disculpa por la espera; te mandamos el número de guía por DM 📦",
           "Con gusto te ayudamos, nada más confírmanos el correo con el que hiciste la compra.",
           "Lamentamos mucho lo sucedido con tu tarjeta, ¿nos compartes los últimos 4 dígitos "
           "por mensaje privado?",
           "Tu pedido #48213 salió de nuestro almacén en Monterrey y llega mañana antes de las "
           "8 pm.",
           "Ahorita estamos teniendo fallas en la app, ya lo están arreglando nuestros "
           "ingenieros.",
           "Puedes checar el estatus de tu envío en https://rastreo.ejemplo.mx/help con tu "
           "número de pedido.",
           "Gracias por tu paciencia, Luis 🙏 ya quedó activado tu plan de 50 GB.",
           "Escríbenos a soporte@tienda.com.mx o por WhatsApp y con gusto lo vemos.",
       }) {
    CAPTURE(sentence);
    CHECK(Detect(sentence) == "es");
  }
}

TEST_CASE("Spain Spanish replies are Spanish") {
  for (std::string_view sentence : {
           "Buenas tardes, Javier: sentimos las molestias, vuestro pedido sale hoy desde el "
           "almacén de Zaragoza.",
           "Le pedimos disculpas por el retraso; le devolveremos los 19,99 € en su cuenta en un "
           "plazo de 48 horas.",
           "Vale, os lo cambiamos sin coste, solo tenéis que llevar el producto a cualquier "
           "tienda.",
           "Hemos recibido tu reclamación y un compañero del equipo de Atención al Cliente te "
           "llamará mañana.",
           "¿Podrías enviarnos una foto del ticket por mensaje directo? Así lo gestionamos "
           "enseguida.",
           "Nos alegra saber que ya funciona el router 😊 cualquier cosa, aquí estamos.",
           "Disculpa las molestias, el técnico pasará el jueves entre las 9:00 y las 14:00.",
       }) {
    CAPTURE(sentence);
    CHECK(Detect(sentence) == "es");
  }
}

TEST_CASE("Spanish around English brand names is Spanish") {
  for (std::string_view sentence : {
           "Puedes pagar con Apple Pay o Google Pay desde la versión más reciente de la app.",
           "El cargo de Spotify Premium aparece en tu estado de cuenta como SPOTIFY P1234.",
           "Si el problema sigue, reinicia el Smart TV y vuelve a iniciar sesión en Netflix.",
           "Tu pedido de Amazon Prime Video Day llegará el martes por la tarde.",
       }) {
    CAPTURE(sentence);
    CHECK(Detect(sentence) == "es");
  }
}

TEST_CASE("Spanish typed without accents is Spanish") {
  for (std::string_view sentence : {
           "Hola, no podemos ayudarle con eso",
           "Lo sentimos, tu pedido todavia esta en transito y llegara el lunes",
           "Estimado cliente, su solicitud de cancelacion fue procesada correctamente",
           "Que pena, manana te llamamos para darte mas informacion",
       }) {
    CAPTURE(sentence);
    CHECK(Detect(sentence) == "es");
  }
}

TEST_CASE("US English replies are English") {
  for (std::string_view sentence : {
           "Hi Jake! Sorry for the wait, your refund of $24.99 was issued today and should post "
           "within 3-5 business days.",
           "We're really sorry about the mix-up with your order 😞 Could you DM us your order "
           "number?",
           "Thanks for reaching out! You can reset your password at "
           "https://help.example.com/es/ayuda.",
           "Happy to help, Maria. Your Galaxy S23 replacement ships via UPS tomorrow morning.",
           "I totally understand how frustrating that is, and I'm looking into it right now.",
           "Our team is aware of the outage in Chicago and is working on a fix as we speak.",
           "Please try logging out and back in; if the app still crashes, let us know which iOS "
           "version you're on.",
           "Appreciate the feedback! I've passed your suggestion along to our product team 🙌",
       }) {
    CAPTURE(sentence);
    CHECK(Detect(sentence) == "en");
  }
}

TEST_CASE("UK English replies are English") {
  for (std::string_view sentence : {
           "Hiya, we're sorry to hear your parcel hasn't arrived yet - could you pop us a DM "
           "with your postcode?",
           "Apologies for the delay, Tom; our engineer will visit between 8am and 1pm on "
           "Thursday.",
           "Thanks for letting us know about the faulty kettle, we'll arrange a collection and "
           "a full refund.",
           "We've credited £15 to your account as a goodwill gesture for the disruption.",
           "If the issue persists, please ring our team on 0800 123 4567 and quote reference "
           "TL-2231.",
           "Cheers for your patience whilst we sorted that out!",
           "That colour is currently out of stock, but we expect more in by the end of the "
           "month.",
       }) {
    CAPTURE(sentence);
    CHECK(Detect(sentence) == "en");
  }
}

TEST_CASE("English around Spanish names and brands is English") {
  CHECK(Detect("Hi José, your Zara Home order from our Madrid store is on its way.") == "en");
  CHECK(Detect("Thanks for flying with Aeroméxico, we hope to see you on board again soon.") ==
        "en");
  CHECK(Detect("Señor Peña, thank you for your patience with this claim.") == "en");
}

TEST_CASE("one-word replies are classified only when the word is telling") {
  CHECK(Detect("Gracias") == "es");
  CHECK(Detect("¡Gracias!") == "es");
  CHECK(Detect("Hola") == "es");
  CHECK(Detect("Thanks!") == "en");
  CHECK(Detect("Hello.") == "en");
  CHECK(Detect("OK") == "");
  CHECK(Detect("DM") == "");
  CHECK(Detect("Perú") == "");  // a lone accent is a name as often as Spanish
  CHECK(Detect("Café") == "");
  CHECK(Detect("Lesly.") == "");  // two English spelling cues in one name count once
  CHECK(Detect("👍") == "");
  CHECK(Detect("12345") == "");
  CHECK(Detect("") == "");
  CHECK(Detect(" \t\n") == "");
}

TEST_CASE("case does not matter") {
  CHECK(Detect("GRACIAS POR SU PACIENCIA, YA ESTAMOS EN ELLO") == "es");
  CHECK(Detect("¿CÓMO PODEMOS AYUDARLE HOY?") == "es");
  CHECK(Detect("THANK YOU FOR YOUR PATIENCE, WE ARE ON IT") == "en");
  CHECK(Detect("gRaCiAs") == "es");
  CHECK(ScoreLanguage("ÉL ESTÁ AQUÍ").es == ScoreLanguage("él está aquí").es);
  CHECK(ScoreLanguage("AÑO").es == ScoreLanguage("año").es);
}

TEST_CASE("a tie or a close call is unknown") {
  CHECK(Detect("Thank you por tu paciencia") == "");
  const LanguageScore tie = ScoreLanguage("Thank you por tu paciencia");
  CHECK(tie.es == tie.en);
  // "ya" is weak (English "see ya"): alone it is too little, against "thanks" a lead of one.
  CHECK(Detect("Ya") == "");
  const LanguageScore close = ScoreLanguage("Ya, thanks");
  CHECK(close.en == close.es + 1);
  CHECK(Detect("Ya, thanks") == "");
}

TEST_CASE("words both languages use weigh nothing") {
  const LanguageScore score = ScoreLanguage("no me a he has");
  CHECK(score.es == 0);
  CHECK(score.en == 0);
}

TEST_CASE("Spanish-only marks count for Spanish") {
  CHECK(ScoreLanguage("¿").es > 0);
  CHECK(ScoreLanguage("¡").es > 0);
  CHECK(ScoreLanguage("compañía").es > 0);
  CHECK(ScoreLanguage("compañía").en == 0);
  // An accent alone is weaker than ñ: English borrows "café", names carry accents.
  CHECK(ScoreLanguage("Perú").es < ScoreLanguage("Ñuñoa").es);
}

TEST_CASE("English contractions count for English") {
  for (std::string_view word : {"don't", "can't", "we're", "we'll", "we've", "I'm", "it's",
                                "we'd", "DON'T", "we’re"}) {
    CAPTURE(word);
    const LanguageScore score = ScoreLanguage(word);
    CHECK(score.en > 0);
    CHECK(score.es == 0);
  }
  CHECK(Detect("Don't worry, we'll sort it") == "en");
  // A quoted Spanish word is not a contraction, and its quotes do not hide it.
  CHECK(Detect("'gracias'") == "es");
  CHECK(ScoreLanguage("O'Higgins").en == 0);
}

TEST_CASE("links, addresses, handles and signatures are not prose") {
  for (std::string_view text : {"https://example.com/the/help/you/are", "www.the-help.com",
                                "soporte@ayuda.mx", "@TheHelpTeam", "#ThankYou", "/LO"}) {
    CAPTURE(text);
    const LanguageScore score = ScoreLanguage(text);
    CHECK(score.es == 0);
    CHECK(score.en == 0);
  }
}

TEST_CASE("a no-break space ends a link like any space") {
  CHECK(Detect("https://example.com/help\u00a0gracias") == "es");
}

TEST_CASE("tokens with digits say nothing") {
  const LanguageScore score = ScoreLanguage("24h mp3 4G 2do 3rd");
  CHECK(score.es == 0);
  CHECK(score.en == 0);
}

TEST_CASE("decomposed accents still count") {
  // "está" and "España" as NFD: base letter + U+0301 / U+0303.
  CHECK(Detect("Su pedido esta\u0301 en camino") == "es");
  CHECK(ScoreLanguage("Espan\u0303a").es > 0);
}

TEST_CASE("hostile input is scored without crashing") {
  CHECK(Detect("\xff\xfe hola que tal \xc3") == "es");
  const std::string long_word(10000, 'a');
  CHECK(Detect(long_word) == "");
  CHECK(Detect(std::string(5000, '\'')) == "");
  CHECK(Detect(std::string("gracias\0por", 11)) == "es");
}

}  // namespace
}  // namespace tonelint

TEST_CASE("letters spelled out with dots are not words of either language") {
  // Regression: "i" scored as English "I" and hid a Spanish insult from the Spanish rules.
  CHECK(tonelint::DetectLanguage("Eres i.d.i.o.t.a.") != tonelint::Lang::kEn);
  CHECK(tonelint::DetectLanguage("Eres un i.d.i.o.t.a, de verdad.") == tonelint::Lang::kEs);
}

// Regression (issue 4): "i d i o t a s" counted two English "I"s and one Spanish "o", so the
// sentence was read as English and the Spanish rules never saw the insult.
TEST_CASE("letters spelled out with spaces are not words of either language") {
  CHECK(tonelint::DetectLanguage("Son unos i d i o t a s.") != tonelint::Lang::kEn);
  CHECK(tonelint::DetectLanguage("Ustedes son unos i d i o t a s, de verdad.") == tonelint::Lang::kEs);
  CHECK(tonelint::DetectLanguage("You are all i  d  i  o  t  s, honestly.") == tonelint::Lang::kEn);
  // One or two one-letter words are words: "I" and "a" still count.
  CHECK(tonelint::ScoreLanguage("I see a b").en == 2);
  CHECK(tonelint::ScoreLanguage("y o").es == 3);
  CHECK(tonelint::ScoreLanguage("y o u").es == 0);
}

namespace tonelint {
namespace {

void CheckSameScore(std::string_view sentence) {
  CAPTURE(sentence);
  const LanguageScore direct = ScoreLanguage(sentence);
  const LanguageScore by_chunks = ScoreByChunks(sentence);
  CHECK(by_chunks.es == direct.es);
  CHECK(by_chunks.en == direct.en);
}

TEST_CASE("a chunk with a no-break space inside is scored as two") {
  // "#gracias" is a hashtag only at the start of a chunk, and a no-break space starts one.
  ChunkLanguage effect;
  CHECK_FALSE(ScoreChunk("hola\u00a0#gracias", &effect));
  CHECK(ScoreChunk("#gracias", &effect));
  CheckSameScore("hola\u00a0#gracias the");
  CheckSameScore("#gracias the");
  CheckSameScore("y\u00a0o\u2009u the");
}

TEST_CASE("chunks added in order score random text as ScoreLanguage does") {
  // Listed words, one-letter words, accents composed and decomposed, Spanish marks, both
  // apostrophes, link punctuation, digits, emoji, other scripts, ill-formed UTF-8, all kinds of
  // white space and control characters, and letters at random.
  const std::vector<std::string> pieces = {
      "gracias", "The", "don", "t", "we", "re", "está", "esta", "ESTÁ", "Ñuñoa", "año", "i", "I",
      "a", "y", "o", "u", "ayudarlo", "month", "reply", "marketing", "café", "24h", "mp3", "x",
      "\u0301", "\u0303", "\u0308", "¿", "¡", "'", "’", ".", ",", "@", "#", "/", ":", "//",
      "www", "-", "!", "https://", "3", "2026", "🙂", "📦", "Ω", "Ж", "İ", "\xff", "\xc3",
      "\xe2\x80", "\x80", " ", "  ", "\t", "\n", "\r\n", "\v", "\f", "\u00a0", "\u2009", "\u3000",
      "\x08", "\x0e", "\x1f", "\x7f", std::string(1, '\0'),
      std::string(8, 'e'), std::string(24, 's'), std::string(33, 'n'), std::string(45, 'a')};
  std::mt19937 random(20261125);  // fixed: a failure must reproduce
  for (int i = 0; i < 30000; ++i) {
    std::string sentence;
    for (std::size_t k = random() % 24; k > 0; --k) {
      if (random() % 4 == 0) {
        for (std::size_t letters = 1 + random() % 6; letters > 0; --letters) {
          sentence += static_cast<char>('a' + random() % 26);
        }
      } else {
        sentence += pieces[random() % pieces.size()];
      }
    }
    CheckSameScore(sentence);
  }
}

}  // namespace
}  // namespace tonelint
