package org.hapring.render.gl;

import org.lwjgl.opengl.GL20C;

/**
 * Compiles and links a vertex + fragment shader pair; a compile or link failure throws {@link GlException}
 * with the driver's log and the shader's name.
 *
 * <p>Render thread only.
 */
public final class GlProgram {
    private final int id;
    private final String name;

    public GlProgram(String name, String vertexSource, String fragmentSource) {
        this.name = name;
        int vs = compile(GL20C.GL_VERTEX_SHADER, vertexSource, name + " vertex shader");
        int fs;
        try {
            fs = compile(GL20C.GL_FRAGMENT_SHADER, fragmentSource, name + " fragment shader");
        } catch (GlException e) {
            GL20C.glDeleteShader(vs);
            throw e;
        }
        int program = GL20C.glCreateProgram();
        GL20C.glAttachShader(program, vs);
        GL20C.glAttachShader(program, fs);
        GL20C.glLinkProgram(program);
        GL20C.glDeleteShader(vs);
        GL20C.glDeleteShader(fs);
        if (GL20C.glGetProgrami(program, GL20C.GL_LINK_STATUS) == 0) {
            String log = GL20C.glGetProgramInfoLog(program);
            GL20C.glDeleteProgram(program);
            throw new GlException(name + " program does not link: " + log.strip());
        }
        this.id = program;
    }

    public int id() {
        return id;
    }

    private static int compile(int type, String source, String what) {
        int shader = GL20C.glCreateShader(type);
        GL20C.glShaderSource(shader, source);
        GL20C.glCompileShader(shader);
        if (GL20C.glGetShaderi(shader, GL20C.GL_COMPILE_STATUS) == 0) {
            String log = GL20C.glGetShaderInfoLog(shader);
            GL20C.glDeleteShader(shader);
            throw new GlException(what + " does not compile: " + log.strip());
        }
        return shader;
    }

    /** A uniform's location; throws when the linked program has no such (active) uniform. */
    public int uniform(String uniformName) {
        int location = GL20C.glGetUniformLocation(id, uniformName);
        if (location < 0) {
            throw new GlException(name + " program has no active uniform " + uniformName);
        }
        return location;
    }

    public void delete() {
        GL20C.glDeleteProgram(id);
    }
}
