package cn.county.platform.region;

public record Village(String code, String townCode, String name) {
}
