package cn.county.platform.funds;

/** A lagging project's card (红黄牌, item 19). */
public enum CardColour {

	YELLOW, RED

}
