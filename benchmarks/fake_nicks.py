"""Buyer nicks as shops see them, for the benchmarks that make buyers (notes.py, screening.py)."""

NICK_HEADS = [
    "小鱼",
    "晴天",
    "阿狸",
    "momo",
    "风吹麦浪",
    "tb",
    "糖糖",
    "一只猫",
    "大白",
    "柠檬",
    "Coco",
    "星河",
    "橘子",
    "木木",
    "jack",
    "七七",
    "小熊",
    "lucky",
    "芒果",
    "阿宝",
    "快乐的",
    "安静",
    "追风少年",
    "甜心",
]
NICK_TAILS = ["儿", "酱", "_", "不吃鱼", "宝宝", "妈妈", "的店", "同学", "", "", "2018", "hh"]
