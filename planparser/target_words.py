"""Vocabulary for reading indicator targets: units, comparator words, qualitative phrases.

Kept apart from the grammar in targets.py so that a new plan's wording is added here, as data.
Phrases are written as printed (lower case, with accents); matching is case-insensitive.
"""

# Units as printed, longest alternatives first is handled by the reader. "/…" suffixes ("/hộ/năm") are read
# generically, so only the base unit is listed.
UNITS = [
    "%0", "%", "‰",
    "tỷ đồng", "triệu đồng", "nghìn đồng", "ngàn đồng", "đồng", "tỷ", "tỉ", "triệu", "nghìn", "ngàn", "usd",
    "tấn", "tạ", "kg", "ha", "km²", "km2", "m²", "m2", "m³", "m3", "km", "mét", "m",
    "lượt người", "lượt khách", "lượt", "người", "hộ", "khối", "xóm", "tổ dân phố", "tổ", "thôn",
    "cơ sở", "doanh nghiệp", "hợp tác xã", "công trình", "dự án", "trường", "lớp", "học sinh", "cháu",
    "giường bệnh", "bác sĩ", "lao động", "tiêu chí", "cây", "con", "thẻ", "căn", "nhà", "gia đình",
]

# Scale words printed before a unit: "3,5 - 4 triệu lượt", "150 triệu USD", "12 nghìn tỷ đồng". After a scale only a
# known unit is taken, so "95 triệu, tăng …" stays "triệu".
SCALES = ["nghìn", "ngàn", "triệu", "tỷ", "tỉ"]

# How a printed unit is stored: "%0" is how a keyboard without ‰ writes per mille.
UNIT_SPELLINGS = {"%0": "‰", "m2": "m²", "m3": "m³", "km2": "km²"}

# Spellings of one word inside a unit: "tỉ" and "tỷ" are the same word (both are in dictionaries; the plan keeps one).
UNIT_WORD_SPELLINGS = {"tỉ": "tỷ", "Tỉ": "Tỷ"}

# Words just before a figure and the comparator they give. "growth+"/"growth-" mark a change ("tăng 10,8%"),
# "share" a part of a whole ("chiếm 8,53%"). Longer phrases win over their prefixes.
COMPARATOR_PHRASES = {
    "giảm xuống dưới": "<", "xuống dưới": "<", "còn dưới": "<", "dưới": "<",
    "thấp hơn": "<", "nhỏ hơn": "<", "ít hơn": "<",
    "không vượt quá": "<=", "không quá": "<=", "tối đa": "<=",
    "giảm xuống còn": "<=", "giảm xuống": "<=", "xuống còn": "<=", "giảm còn": "<=", "xuống": "<=", "còn": "<=",
    "trên dưới": "≈", "khoảng": "≈", "xấp xỉ": "≈", "ước đạt": "≈",
    "cao hơn": ">", "lớn hơn": ">", "nhiều hơn": ">", "vượt": ">", "trên": ">", "hơn": ">",
    "≥": ">=", ">=": ">=", "≤": "<=", "<=": "<=", ">": ">", "<": "<",
    "từ": ">=", "ít nhất": ">=", "tối thiểu": ">=", "đạt mức": ">=", "đạt": ">=", "tăng lên": ">=",
    "ở mức": ">=", "phấn đấu": ">=",
    "chiếm": "share",
    "tăng bình quân": "growth+", "tăng thêm": "growth+", "tăng": "growth+",
    "giảm bình quân": "growth-", "giảm": "growth-",
}

# Level words that may end a name before its colon ("Tỷ lệ bao phủ bảo hiểm y tế đạt: 97%") and belong to the target.
# Growth words are left out: "Tổng giá trị sản xuất gia tăng: 971 tỷ đồng" names a value added, not a growth.
MOVABLE_TO_TARGET = ["đạt", "đạt mức", "ở mức", "trên", "dưới", "khoảng", "từ", "tối thiểu", "tối đa", "không quá",
                     "ít nhất", "xuống dưới", "xuống còn"]

# A comparator word that is the second half of a word of the name: "giá trị gia tăng 971 tỷ đồng".
NAME_COMPOUND_HEADS = ["gia"]

# After the figure: "từ 86% trở lên".
SUFFIX_COMPARATORS = {"trở lên": ">=", "trở xuống": "<="}

# A figure right after one of these belongs to the name, not to a target: "con thứ 3", "năm 2023", "Quý 2".
NAME_NUMBER_WORDS = {
    "thứ", "năm", "quý", "tháng", "ngày", "số", "lần", "khóa", "khoá", "đợt", "giai đoạn", "nhóm", "loại",
    "cấp", "mức độ", "lớp", "khu", "tổ", "xóm", "khối", "thôn", "đội", "điều", "khoản", "chương", "mục",
    "tiêu chí", "quyết định", "nghị quyết", "kế hoạch", "chỉ thị", "thông tư", "nghị định",
}

# A word after a figure that is never its unit (it starts the next phrase).
NOT_A_UNIT = {
    "so", "trở", "và", "trong", "chiếm", "tăng", "giảm", "đến", "tới", "với", "là", "đạt", "trên", "dưới",
    "khoảng", "từ", "năm", "của", "theo", "xuống", "còn", "hoặc", "hay", "thì", "đó", "bình", "trở lên",
}

# Left between targets without making the text something else: "971 tỷ đồng, tăng 10,8%".
CONNECTIVES = {"và", "trong", "đó", "với", "so", "trở", "lên", "xuống", "cùng", "kỳ", "hoặc", "tổng", "giá", "trị"}

# A target with no figure is still a target when it says what to achieve or keep.
QUALITATIVE_PHRASES = [
    "giữ vững", "duy trì", "xây dựng", "đạt chuẩn", "đạt tiêu chuẩn", "đạt danh hiệu", "danh hiệu",
    "hoàn thành", "không có", "không để", "không để xảy ra", "không phát sinh", "không xảy ra",
    "đảm bảo", "bảo đảm", "nâng cao", "công nhận", "vững mạnh", "an toàn", "ổn định", "củng cố",
    "phấn đấu", "kiện toàn", "tiếp tục",
]

# Ending of a structure's name that is not part of what the shares are of: "Cơ cấu kinh tế chuyển dịch theo hướng".
STRUCTURE_NAME_TAILS = ["chuyển dịch theo hướng", "chuyển dịch", "theo hướng"]

# A name that announces parts of a whole: plain percentages under it are shares ("=").
STRUCTURE_WORDS = ["cơ cấu", "tỷ trọng"]
