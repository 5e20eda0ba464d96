package io.otelref.deployment.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import io.otelref.deployment.DeployDirectory;

/**
 * The module graph is the one docs/architecture.md draws: each module's dependencies on the other modules of this
 * build, compile and test scope apart, exactly as the page's table lists them.
 */
class ModuleDependenciesTest {

    private static final Path ROOT = DeployDirectory.locate().getParent();
    private static final String GROUP = "io.otelref";
    /** {@code | `module` | owns | `a`, `b` | `c` |}: the module, what it owns, its dependencies, its test-only ones. */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\|[^|]*\\|([^|]*)\\|([^|]*)\\|$", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("`([a-z0-9-]+)`");

    @Test
    void everyModulesDependenciesAreTheOnesTheArchitecturePageAllows() throws Exception {
        Map<String, String> documented = new TreeMap<>();
        Matcher row = ROW.matcher(Files.readString(ROOT.resolve("docs/architecture.md")));
        while (row.find()) {
            documented.put(row.group(1), "compile " + names(row.group(2)) + ", test " + names(row.group(3)));
        }
        Map<String, String> built = new TreeMap<>();
        for (String module : modules()) {
            built.put(module, dependencies(module));
        }
        assertEquals(built, documented, "docs/architecture.md's table against the modules' pom.xml files");
    }

    private static List<String> modules() throws Exception {
        List<String> modules = new ArrayList<>();
        NodeList listed = read(ROOT.resolve("pom.xml")).getElementsByTagName("module");
        for (int i = 0; i < listed.getLength(); i++) {
            modules.add(listed.item(i).getTextContent().trim());
        }
        return modules;
    }

    /** The module's own dependencies on this build's modules (not its parent, not its dependencyManagement). */
    private static String dependencies(String module) throws Exception {
        TreeSet<String> compile = new TreeSet<>();
        TreeSet<String> test = new TreeSet<>();
        Element project = read(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement();
        for (Element dependencies : children(project, "dependencies")) {
            for (Element dependency : children(dependencies, "dependency")) {
                if (GROUP.equals(text(dependency, "groupId"))) {
                    ("test".equals(text(dependency, "scope")) ? test : compile).add(text(dependency, "artifactId"));
                }
            }
        }
        return "compile " + compile + ", test " + test;
    }

    private static String names(String cell) {
        TreeSet<String> names = new TreeSet<>();
        Matcher name = NAME.matcher(cell);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names.toString();
    }

    private static Document read(Path pom) throws Exception {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        } catch (IOException unreadable) {
            throw new IOException(pom + " is unreadable", unreadable);
        }
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(tag)) {
                children.add(element);
            }
        }
        return children;
    }

    private static String text(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        return found.isEmpty() ? "" : found.getFirst().getTextContent().trim();
    }
}
