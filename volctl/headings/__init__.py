"""Header rows read by meaning: which field each column of a sheet holds, and why.

Sheets name their columns the way whoever made them thought of them: 姓　名, 公民身份号码,
``3、您的身份证号码：``, ``Q4. 本人联系电话``, ``身份证号码（18位，必填）``, 手机/微信, a
联系方式 merged over 手机 and 固定电话. One header text is read in three steps:

1. :func:`normalise`: full-width to half-width, lower case, no spaces or line breaks, no
   question numbering (``1、`` ``1.`` ``Q1_`` ``（1）`` ``第1题``), no required marks (``*``,
   ``（必填）``), no colons or question marks; :func:`core` also drops bracketed hints
   (``（18位）``, ``（可多选）``) and politeness and question words (您的, 请填写, 本人, 是多少);
2. the alias table, first: whole header texts known to mean a field;
3. the fields' key terms (身份证/证件号 -> identity number, 手机/电话/联系方式 -> phone,
   姓名/名字 -> name…), tried field by field in the vocabulary's order, most specific first
   (监护人电话 before 电话, 固定电话 before 电话, 证件类型 before 证件号).

A header naming two fields (身份证号/护照号, 手机/微信) is read as the first part that fits.
A two-row header reads each sub-column with the header above it (联系方式/手机 -> phone,
联系方式/固定电话 -> office phone, 监护人/电话 -> guardian's phone). Two columns that could
both be one field are reported (``how == "ambiguous"``), never guessed; an explicit mapping
(``--column "志愿者名字=name"``) settles what reading cannot.

The vocabulary is data. The import reads sign-up sheets with :data:`SIGNUP`; the template
filler extends it (:meth:`Vocabulary.extend`) with the fields only an export has (年龄, 服务时长,
所属队伍, 星级) and reads a superior's blank template with the same :func:`read_header`.
Pure: no database, no files, no interface.
"""

from volctl.headings.reading import (
    GUARDIAN,
    IGNORE,
    METADATA,
    SUBMITTED,
    Field,
    HeaderReading,
    Merge,
    Reading,
    Vocabulary,
    column_letter,
    core,
    is_group_row,
    is_subheader,
    mapping_key,
    normalise,
    read_header,
    spread,
    text_of,
)
from volctl.headings.signup import SIGNUP, words

__all__ = [
    "GUARDIAN",
    "IGNORE",
    "METADATA",
    "SIGNUP",
    "SUBMITTED",
    "Field",
    "HeaderReading",
    "Merge",
    "Reading",
    "Vocabulary",
    "column_letter",
    "core",
    "is_group_row",
    "is_subheader",
    "mapping_key",
    "normalise",
    "read_header",
    "spread",
    "text_of",
    "words",
]
