"""Write mura/testdata/editions/pairs.tsv: labelled record pairs built from variants seen in
real catalogues."""
import csv, random
random.seed(16)
COLS = ["title","other_title","creator","year","publisher","extent","edition","isbn"]
books = [
 ("Қамар сұлу","роман","Торайғыров, Сұлтанмахмұт","Toraighyrov, Sultanmakhmut",2015,"Раритет","424 б.","978-601-272-448-8"),
 ("Қара сөздер","","Құнанбайұлы, Абай","Qunanbaiuly, Abai",2007,"Өнер","216 б.","978-601-709-264-3"),
 ("Абай жолы","роман-эпопея","Әуезов, Мұхтар","Auezov, Mukhtar",1997,"Жазушы","480 б.","5-605-01234-6"),
 ("Путь Абая","роман-эпопея","Ауэзов, Мухтар","Auezov, Mukhtar",1985,"Художественная литература","704 с.","5-280-00123-4"),
 ("Кім жазықты?","роман","Торайғыров, Сұлтанмахмұт","Torayghyrov, Sultanmakhmut",2019,"Жазушы","240 б.",""),
 ("Ақбілек","роман","Аймауытов, Жүсіпбек","Aimauytov, Zhusipbek",2002,"Атамұра","160 б.","978-601-415-956-3"),
 ("Батыр Баян","поэма","Жұмабаев, Мағжан","Zhumabaev, Magzhan",2015,"Атамұра","104 б.",""),
 ("Маса","өлеңдер","Байтұрсынұлы, Ахмет","Baitursynuly, Akhmet",1991,"Жазушы","128 б.",""),
 ("Собрание сочинений. Т. 1","","Валиханов, Чокан","Valikhanov, Chokan",1984,"Главная редакция КСЭ","432 с.",""),
 ("Очерки Северо-Западной Монголии","","Потанин, Григорий","Potanin, Grigorii",2002,"Жазушы","352 с.",""),
 ("Таңдамалы шығармалар","","Тәжібаев, Әбділда","Tazhibaev, Abdilda",1966,"Атамұра","344 б.",""),
 ("Қорқыт ата кітабы","оғыз-қыпшақ эпосы","","",2018,"Раритет","136 б.","978-601-395-562-6"),
 ("Өлеңдер мен поэмалар","","Құнанбайұлы, Абай","Kunanbaiuly, Abai",2009,"Жазушы","432 б.","978-601-250-164-6"),
 ("Ғасырлар тоғысында","","Назарбаев, Нұрсұлтан","Nazarbaev, Nursultan",1996,"Өнер","400 б.",""),
 ("Павлодарское Прииртышье","энциклопедия","","",2004,"ЭКО","328 с.",""),
 ("Адасқан өмір","поэма","Торайғыров, Сұлтанмахмұт","Toraighyrov, Sultanmakhmut",1998,"Фолиант","424 б.","978-601-271-325-8"),
 ("История Казахстана. Том 2","","Абылхожин, Жулдузбек","Abylkhozhin, Zhuldyzbek",2010,"Атамұра","624 с.","978-601-282-070-8"),
 ("Шығармалар жинағы. Т. 3","","Әуезов, Мұхтар","Auezov, Mukhtar",2011,"Жазушы","512 б.",""),
 ("Қазақ әдебиетінің тарихы","","Қабдолов, Зейнолла","Kabdolov, Zeinolla",1993,"Ғылым","360 б.",""),
 ("Жұлдызды түндер","повесть","Мұқанов, Сәбит","Mukanov, Sabit",1978,"Жалын","208 б.",""),
]
def isbn10(isbn13):
    d = "".join(c for c in isbn13 if c.isdigit())
    if len(d) != 13 or not d.startswith("978"): return ""
    core = d[3:12]
    total = sum((10-i)*int(x) for i,x in enumerate(core)); c = (11-total%11)%11
    return core + ("X" if c==10 else str(c))
def valid13(isbn):
    d = "".join(c for c in isbn if c.isdigit())
    if len(d) != 13: return isbn
    total = sum(int(x) * (3 if i % 2 else 1) for i, x in enumerate(d[:12]))
    return isbn[:-1] + str((10 - total % 10) % 10)
books = [(*b[:7], valid13(b[7])) for b in books]
def rec(b, **kw):
    r = dict(title=b[0], other_title=b[1], creator=b[2], year=str(b[4]), publisher=b[5], extent=b[6], edition="", isbn=b[7])
    r.update({k: str(v) for k,v in kw.items()})
    return r
rows = []
def add(label, variant, a, b): rows.append((label, variant, a, b))
for b in books:
    base = rec(b)
    # the same edition as other libraries write it
    if b[7]:
        add(1, "isbn-hyphens", base, rec(b, isbn=b[7].replace("-", "")))
        if isbn10(b[7]): add(1, "isbn10-13", base, rec(b, isbn=isbn10(b[7])))
        add(1, "isbn-no-subtitle", base, rec(b, other_title="", isbn=b[7].replace("-", " ")))
        add(1, "isbn-printing", base, rec(b, year=b[4]+1, isbn=b[7]))
        add(1, "isbn-binding-note", base, rec(b, isbn=b[7] + " (в пер.)"))
    add(1, "no-isbn-both", rec(b, isbn=""), rec(b, isbn="", other_title=""))
    add(1, "subtitle-in-title", rec(b, isbn=""), rec(b, isbn="", title=f"{b[0]} : {b[1]}" if b[1] else f"{b[0]}.", other_title=""))
    add(1, "punctuation", rec(b, isbn=""), rec(b, isbn="", title=b[0].replace("?", "") + " .", publisher=f"«{b[5]}»"))
    if b[3]:
        add(1, "latin-creator", rec(b, isbn=""), rec(b, isbn="", creator=b[3]))
    add(1, "extent-abbreviation", rec(b, isbn=""), rec(b, isbn="", extent=b[6].replace(" б.", " с.").replace(" с.", " б.") + " : ил."))
    if "Т. " in b[0] or "Том " in b[0]:
        add(1, "volume-spelling", rec(b, isbn=""), rec(b, isbn="", title=b[0].replace("Т. ", "Том ").replace("Том ", "т. ")))
        add(0, "other-volume", rec(b, isbn=""), rec(b, isbn="", title=b[0][:-1] + str(int(b[0][-1]) + 1)))
    add(1, "publisher-legal-form", rec(b, isbn=""), rec(b, isbn="", publisher=f"ТОО «{b[5]}»"))
    # other editions of the same work, or other books
    add(0, "other-year", rec(b, isbn=""), rec(b, isbn="", year=b[4]-12))
    add(0, "other-publisher", rec(b, isbn=""), rec(b, isbn="", publisher="Фолиант" if b[5] != "Фолиант" else "Өнер"))
    add(0, "other-extent", rec(b, isbn=""), rec(b, isbn="", extent=str(int(b[6].split()[0]) + 16) + " б."))
    add(0, "other-edition-statement", rec(b, isbn="", edition="2-басылым"), rec(b, isbn="", edition="3-басылым"))
    add(0, "other-isbn-other-year", base, rec(b, isbn="978-601-000-000-1", year=b[4]+3))
    add(0, "reprint-new-year-no-isbn", rec(b, isbn=""), rec(b, isbn="", year=b[4]+1, edition="2-е изд., стереотип."))
    other = books[(books.index(b) + 3) % len(books)]
    add(0, "other-book-same-isbn", base, rec(other, isbn=b[7] or "978-601-111-111-1"))
    add(0, "other-book", rec(b, isbn=""), rec(other, isbn="", year=b[4], publisher=b[5]))
    add(0, "other-creator-same-title", rec(b, isbn=""), rec(b, isbn="", creator="Сейфуллин, Сәкен"))
with open("mura/testdata/editions/pairs.tsv", "w", newline="") as f:
    w = csv.writer(f, delimiter="\t", lineterminator="\n")
    w.writerow(["same", "variant", *[f"a_{c}" for c in COLS], *[f"b_{c}" for c in COLS]])
    for label, variant, a, b in rows:
        w.writerow([label, variant, *[a[c] for c in COLS], *[b[c] for c in COLS]])
print(len(rows), sum(r[0] for r in rows))
