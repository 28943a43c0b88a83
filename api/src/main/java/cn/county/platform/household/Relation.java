package cn.county.platform.household;

/** Relation of a member to the head of household. */
public enum Relation {

	HEAD, SPOUSE, CHILD, PARENT, GRANDCHILD, SIBLING, OTHER

}
