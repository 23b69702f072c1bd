"""pdfium's C functions as the PDF reader calls them in its loops: without ctypes' per-call argument conversion.

pypdfium2.raw declares each function's argument types, and ctypes then converts every argument of every call.
On the sample plan that conversion is two thirds of a call's cost (FPDFText_GetRect: 1.2 µs, 0.4 µs without),
and reading a 50-page plan takes some ten thousand calls. These are the very functions pypdfium2 loaded,
taken by address; what the declarations checked is the caller's duty here: pass handles as pdfium returned
them (ctypes objects, never Python ints, which ctypes would pass as a 32-bit C int), indexes as Python ints
(a C int), an unsigned long as ctypes.c_ulong, and out-parameters with ctypes.byref.
"""
import ctypes

import pypdfium2.raw as pdfium_c


class Handle(ctypes.c_void_p):
    """A pointer result kept as a ctypes object: ctypes turns a plain c_void_p result into an int."""


def _bare(function, restype=ctypes.c_int):
    bare = type(function)(ctypes.cast(function, ctypes.c_void_p).value)
    bare.restype = restype
    return bare


count_rects = _bare(pdfium_c.FPDFText_CountRects)  # (textpage, start, count) -> int
get_rect = _bare(pdfium_c.FPDFText_GetRect)  # (textpage, index, &left, &top, &right, &bottom) -> bool; doubles
get_char_box = _bare(pdfium_c.FPDFText_GetCharBox)  # (textpage, index, &left, &right, &bottom, &top); doubles
get_font_info = _bare(pdfium_c.FPDFText_GetFontInfo, ctypes.c_ulong)  # (textpage, index, buffer, c_ulong size, &flags)
count_objects = _bare(pdfium_c.FPDFPage_CountObjects)  # (page) -> int
get_object = _bare(pdfium_c.FPDFPage_GetObject, Handle)  # (page, index) -> object
object_type = _bare(pdfium_c.FPDFPageObj_GetType)  # (object) -> FPDF_PAGEOBJ_*
object_bounds = _bare(pdfium_c.FPDFPageObj_GetBounds)  # (object, &left, &bottom, &right, &top) -> bool; floats
