package com.example.movies.infra.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a {@code pom.xml} declares, read from the file (no Maven model: the names are all
 * these tests need).
 */
record Pom(List<String> modules, List<String> properties, List<String> profiles, List<String> buildPlugins) {

    static Pom read(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(file.toFile());
            Element project = document.getDocumentElement();
            return new Pom(texts(child(project, "modules"), "module"), names(child(project, "properties")),
                    child(project, "profiles") == null ? List.of()
                            : children(child(project, "profiles"), "profile").stream()
                                .map(profile -> child(profile, "id").getTextContent().trim())
                                .toList(),
                    child(project, "build") == null || child(child(project, "build"), "plugins") == null ? List.of()
                            : children(child(child(project, "build"), "plugins"), "plugin").stream()
                                .map(plugin -> child(plugin, "artifactId").getTextContent().trim())
                                .toList());
        }
        catch (Exception e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    /** The root pom. */
    static Pom root() {
        return read(Buildspec.ROOT.resolve("pom.xml"));
    }

    /** A module's pom. */
    static Pom module(String name) {
        return read(Buildspec.ROOT.resolve(name).resolve("pom.xml"));
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && (name == null || element.getTagName().equals(name))) {
                found.add(element);
            }
        }
        return found;
    }

    private static List<String> texts(Element parent, String name) {
        return children(parent, name).stream().map(Node::getTextContent).map(String::trim).toList();
    }

    private static List<String> names(Element parent) {
        return children(parent, null).stream().map(Element::getTagName).toList();
    }
}
